/**
 * Constants of Dhan's Live Market Feed v2 (../shared/dhan-protocol.md, section 1). Byte offsets are 0-based;
 * every response is little-endian and starts with the 8-byte header.
 */
export const HEADER_BYTES = 8;
/** LTT is IST wall-clock seconds encoded as if UTC: true UTC = LTT - 19 800 s (protocol §1.9). */
export const LTT_IST_OFFSET_SECONDS = 19_800;

export const ResponseCode = {
  index: 1,
  ticker: 2,
  quote: 4,
  oi: 5,
  prevClose: 6,
  marketStatus: 7,
  full: 8,
  disconnect: 50,
} as const;

/** Exact packet sizes by response code (header included). */
export const PACKET_BYTES: Readonly<Record<number, number>> = {
  [ResponseCode.ticker]: 16,
  [ResponseCode.quote]: 50,
  [ResponseCode.oi]: 12,
  [ResponseCode.prevClose]: 16,
  [ResponseCode.marketStatus]: 8,
  [ResponseCode.full]: 162,
  [ResponseCode.disconnect]: 10,
};

export const DEPTH_LEVELS = 5;
export const DEPTH_OFFSET = 62;
export const DEPTH_LEVEL_BYTES = 20;

export type FeedMode = 'ticker' | 'quote' | 'full';

/** JSON request codes: subscribe; unsubscribe is subscribe + 1. */
export const SUBSCRIBE_CODE: Readonly<Record<FeedMode, number>> = { ticker: 15, quote: 17, full: 21 };
export const DISCONNECT_REQUEST_CODE = 12;

export const MAX_INSTRUMENTS_PER_MESSAGE = 100;
export const MAX_INSTRUMENTS_PER_CONNECTION = 5000;
export const MAX_CONNECTIONS = 5;

export const EXCHANGE_SEGMENTS = ['IDX_I', 'NSE_EQ', 'NSE_FNO', 'NSE_CURRENCY', 'BSE_EQ', 'MCX_COMM', '', 'BSE_CURRENCY', 'BSE_FNO'] as const;
export type ExchangeSegment = Exclude<(typeof EXCHANGE_SEGMENTS)[number], ''>;

export const segmentCode = (s: ExchangeSegment): number => EXCHANGE_SEGMENTS.indexOf(s);

/** Disconnect reasons (protocol §1.8). */
export const DISCONNECT_REASONS: Readonly<Record<number, string>> = {
  800: 'internal server error',
  804: 'number of instruments requested exceeds the limit',
  805: 'too many requests or connections (the oldest connection is dropped when a sixth opens)',
  806: 'Data APIs not subscribed (no active data plan)',
  807: 'access token expired',
  808: 'authentication failed (client id or token invalid)',
  809: 'access token invalid',
  810: 'client id invalid',
  811: 'invalid expiry date',
  812: 'invalid date format',
  813: 'invalid SecurityId',
  814: 'invalid request',
};

/**
 * Reasons that retrying cannot fix: they need a new token, a data plan or the operator. 805 is among them:
 * reconnecting would only kick another of this account's sockets (a reconnect storm that gets users blocked).
 */
export const FATAL_DISCONNECT_REASONS: ReadonlySet<number> = new Set([804, 805, 806, 807, 808, 809, 810]);
