/**
 * Faults of the simulated order API, set through POST /control/order-fault. Counted faults take `true` (every
 * request until turned off), `false` (off) or a number (the next n requests).
 */
export interface SimOrderFaults {
  /** HTTP 500 DH-908 instead of an answer, the request not carried out (any /v2 request). */
  error5xx: number;
  /** HTTP 429 DH-904, no Retry-After (order placement, modification and cancellation). */
  rateLimit: number;
  /** POST /v2/orders: the order is placed, then the connection is destroyed without an answer. */
  dropResponse: number;
  /** POST /v2/orders: the order is placed and the answer never comes (the client times out). */
  timeout: number;
  /** Delay before every /v2 answer. */
  latencyMs: number;
  /** No automatic fills: orders rest at PENDING until /control/order-fill. */
  hold: boolean;
  /** Automatic fills come in two parts (PART_TRADED, then TRADED). */
  partial: boolean;
  /** The order-update socket stays open but sends nothing. */
  muteUpdates: boolean;
  /** New order-update sockets are refused (HTTP 503): clients must fall back to polling. */
  refuseUpdates: boolean;
  /** Dhan's order-API limit per second (HTTP 429 DH-904 above it); raise it for benchmarks. */
  ordersPerSecond: number;
  /** Wall ms from TRANSIT to PENDING, and from PENDING to each automatic fill. */
  transitMs: number;
  fillDelayMs: number;
}

export const defaultOrderFaults = (): SimOrderFaults => ({
  error5xx: 0, rateLimit: 0, dropResponse: 0, timeout: 0, latencyMs: 0, hold: false, partial: false, muteUpdates: false, refuseUpdates: false, ordersPerSecond: 10, transitMs: 10, fillDelayMs: 10,
});

const COUNTED = ['error5xx', 'rateLimit', 'dropResponse', 'timeout'] as const;
const FLAGS = ['hold', 'partial', 'muteUpdates', 'refuseUpdates'] as const;
const NUMBERS = ['latencyMs', 'ordersPerSecond', 'transitMs', 'fillDelayMs'] as const;
export const ORDER_FAULT_KEYS: readonly string[] = [...COUNTED, ...FLAGS, ...NUMBERS, 'dropUpdateSockets'];

/** Applies the known keys of a control body; returns the keys applied. */
export const applyOrderFaults = (f: SimOrderFaults, body: Record<string, unknown>): string[] => {
  const done: string[] = [];
  for (const k of COUNTED) {
    const v = body[k];
    if (typeof v === 'boolean' || (typeof v === 'number' && v >= 0)) {
      f[k] = v === true ? Number.POSITIVE_INFINITY : v === false ? 0 : v;
      done.push(k);
    }
  }
  for (const k of FLAGS) {
    const v = body[k];
    if (typeof v !== 'boolean') continue;
    f[k] = v;
    done.push(k);
  }
  for (const k of NUMBERS) {
    const v = body[k];
    if (typeof v !== 'number' || v < 0) continue;
    f[k] = v;
    done.push(k);
  }
  return done;
};

/** Uses up one occurrence of a counted fault; true when it applies to this request. */
export const takeFault = (f: SimOrderFaults, k: (typeof COUNTED)[number]): boolean => {
  if (f[k] <= 0) return false;
  f[k] -= 1;
  return true;
};

/** JSON view (Infinity as "always"). */
export const faultsView = (f: SimOrderFaults): Record<string, unknown> =>
  Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v === Number.POSITIVE_INFINITY ? 'always' : v]));
