import { BrokerError, type BrokerErrorCategory, type BrokerErrorCode } from './broker-error.js';

/** Dhan's trading-API error codes (dhan-protocol.md §3.8) and the category each belongs to. */
export const DHAN_ERROR_CATEGORIES: Readonly<Record<string, BrokerErrorCategory>> = {
  'DH-901': 'authentication',
  'DH-902': 'authentication',
  'DH-903': 'authentication',
  'DH-904': 'rate_limit',
  'DH-905': 'order',
  'DH-906': 'order',
  'DH-907': 'data',
  'DH-908': 'system',
  'DH-909': 'network',
  'DH-910': 'system',
  'DH-911': 'authentication',
};

export const CATEGORY_CODES: Readonly<Record<BrokerErrorCategory, BrokerErrorCode>> = {
  authentication: 'BROKER_AUTH_FAILED',
  order: 'BROKER_ORDER_REJECTED',
  rate_limit: 'BROKER_RATE_LIMITED',
  data: 'BROKER_DATA_ERROR',
  network: 'BROKER_NETWORK',
  system: 'BROKER_SYSTEM',
};

const byHttpStatus = (status: number): BrokerErrorCategory =>
  status === 401 || status === 403 ? 'authentication' : status === 429 ? 'rate_limit' : status >= 500 ? 'system' : status >= 400 ? 'order' : 'system';

interface ErrorBody { errorType?: unknown; errorCode?: unknown; errorMessage?: unknown; status?: unknown; data?: unknown }

const dataApiCode = (b: ErrorBody): [string, string] | undefined => {
  if (b.status !== 'failed' || typeof b.data !== 'object' || b.data === null) return undefined;
  const [entry] = Object.entries(b.data as Record<string, unknown>);
  return entry === undefined ? undefined : [entry[0], String(entry[1])];
};

/**
 * An HTTP error answer as a BrokerError: by Dhan's errorCode when the body has one (DH-905 "Invalid IP" counts as
 * authentication: it is classified on its message, as the protocol notes advise), else by HTTP status. A 4xx
 * answer is definitive (the request was not carried out); a 5xx is not.
 */
export const classifyHttpError = (httpStatus: number, body: unknown): BrokerError => {
  const b: ErrorBody = typeof body === 'object' && body !== null ? (body as ErrorBody) : {};
  const data = dataApiCode(b);
  const dhanCode = typeof b.errorCode === 'string' ? b.errorCode : data?.[0];
  const message = typeof b.errorMessage === 'string' ? b.errorMessage : (data?.[1] ?? `HTTP ${httpStatus}`);
  let category = (dhanCode !== undefined ? DHAN_ERROR_CATEGORIES[dhanCode] : undefined) ?? (data !== undefined ? 'data' : byHttpStatus(httpStatus));
  if (dhanCode === 'DH-905' && /\bip\b/i.test(message)) category = 'authentication';
  const definitive = httpStatus < 500 && category !== 'system' && category !== 'network';
  return new BrokerError(CATEGORY_CODES[category], `${dhanCode ?? `HTTP ${httpStatus}`}: ${message}`, {
    category, httpStatus, definitive, ...(dhanCode !== undefined ? { dhanCode } : {}), ...(typeof b.errorType === 'string' ? { errorType: b.errorType } : {}),
  });
};

/** A call that got no HTTP answer: timed out (AbortSignal) or the connection failed or was dropped. */
export const classifyTransportError = (e: unknown, what: string): BrokerError => {
  const timeout = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
  const detail = e instanceof Error ? (e.cause instanceof Error ? `${e.message}: ${e.cause.message}` : e.message) : String(e);
  return new BrokerError(timeout ? 'BROKER_TIMEOUT' : 'BROKER_NETWORK', `${what}: ${timeout ? 'timed out' : detail}`, { category: 'network', definitive: false }, { cause: e });
};
