import type { ZodType } from 'zod';
import { BrokerError } from './broker-error.js';
import { classifyHttpError, classifyTransportError } from './classify-error.js';

export interface DhanRestOptions {
  /** e.g. https://api.dhan.co/v2 (no trailing slash needed). */
  readonly baseUrl: string;
  readonly clientId: string;
  readonly token: string;
  /** Every call is aborted after this long. */
  readonly timeoutMs: number;
  /** Called just before each request goes out (latency probes). */
  readonly onSend?: (method: string, path: string) => void;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Dhan REST v2 over fetch: `access-token` and `client-id` headers on every call, JSON bodies, an AbortSignal
 * timeout on every call. Answers are validated with a zod schema; failures throw a classified BrokerError.
 */
export class DhanRestClient {
  readonly #base: string;
  readonly #headers: Record<string, string>;

  constructor(private readonly o: DhanRestOptions) {
    this.#base = o.baseUrl.replace(/\/+$/, '');
    this.#headers = { 'access-token': o.token, 'client-id': o.clientId, 'content-type': 'application/json', accept: 'application/json' };
  }

  get clientId(): string {
    return this.o.clientId;
  }

  get<T>(path: string, schema: ZodType<T>): Promise<T> {
    return this.#call('GET', path, schema, undefined);
  }

  post<T>(path: string, body: object, schema: ZodType<T>): Promise<T> {
    return this.#call('POST', path, schema, body);
  }

  put<T>(path: string, body: object, schema: ZodType<T>): Promise<T> {
    return this.#call('PUT', path, schema, body);
  }

  delete<T>(path: string, schema: ZodType<T>): Promise<T> {
    return this.#call('DELETE', path, schema, undefined);
  }

  async #call<T>(method: Method, path: string, schema: ZodType<T>, body: object | undefined): Promise<T> {
    const what = `${method} ${path}`;
    let status: number;
    let text: string;
    try {
      this.o.onSend?.(method, path);
      const res = await fetch(`${this.#base}${path}`, {
        method, headers: this.#headers, signal: AbortSignal.timeout(this.o.timeoutMs), ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      throw classifyTransportError(e, what);
    }
    const json = parseJson(text);
    if (status < 200 || status >= 300) throw classifyHttpError(status, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new BrokerError('BROKER_BAD_RESPONSE', `${what}: unexpected answer (${parsed.error.issues[0]?.message ?? 'invalid'})`, { category: 'system', httpStatus: status, definitive: false });
    }
    return parsed.data;
  }
}

const parseJson = (text: string): unknown => {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { errorMessage: text.slice(0, 200) };
  }
};
