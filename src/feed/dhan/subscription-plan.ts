import { FeedError } from '../errors.js';
import { type ExchangeSegment, type FeedMode, MAX_CONNECTIONS, MAX_INSTRUMENTS_PER_CONNECTION, MAX_INSTRUMENTS_PER_MESSAGE, SUBSCRIBE_CODE } from './wire.js';

export interface Instrument {
  readonly symbol: string;
  readonly securityId: string;
  readonly exchangeSegment: ExchangeSegment;
}

/**
 * Spreads instruments across as few connections as the limits need (at most 5,000 each, at most 5), in
 * round-robin so a large list is balanced; refuses more than 25,000 with a clear error.
 */
export const planConnections = (instruments: readonly Instrument[], maxConnections = MAX_CONNECTIONS): Instrument[][] => {
  const capacity = maxConnections * MAX_INSTRUMENTS_PER_CONNECTION;
  if (instruments.length > capacity) {
    throw new FeedError('FEED_TOO_MANY_INSTRUMENTS', `${instruments.length} instruments exceed Dhan's limit of ${capacity} (${maxConnections} connections x ${MAX_INSTRUMENTS_PER_CONNECTION})`);
  }
  const n = Math.max(1, Math.ceil(instruments.length / MAX_INSTRUMENTS_PER_CONNECTION));
  const plan: Instrument[][] = Array.from({ length: n }, () => []);
  instruments.forEach((ins, i) => plan[i % n]?.push(ins));
  return plan;
};

/** Subscribe messages (JSON text frames) of at most 100 instruments each. */
export const subscribeMessages = (instruments: readonly Instrument[], mode: FeedMode, unsubscribe = false): string[] => {
  const out: string[] = [];
  for (let i = 0; i < instruments.length; i += MAX_INSTRUMENTS_PER_MESSAGE) {
    const chunk = instruments.slice(i, i + MAX_INSTRUMENTS_PER_MESSAGE);
    out.push(JSON.stringify({
      RequestCode: SUBSCRIBE_CODE[mode] + (unsubscribe ? 1 : 0),
      InstrumentCount: chunk.length,
      InstrumentList: chunk.map((c) => ({ ExchangeSegment: c.exchangeSegment, SecurityId: c.securityId })),
    }));
  }
  return out;
};

/** The feed URL with its query string (the token is in it: never log it unredacted). */
export const feedUrl = (base: string, clientId: string, token: string): string => {
  const u = new URL(base);
  u.searchParams.set('version', '2');
  u.searchParams.set('token', token);
  u.searchParams.set('clientId', clientId);
  u.searchParams.set('authType', '2');
  return u.toString();
};

/** The URL safe to log: the token replaced. */
export const redactUrl = (url: string): string => url.replace(/([?&]token=)[^&]*/i, '$1[REDACTED]');
