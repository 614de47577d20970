import type { SimInstrument } from './sim-instruments.js';

/** A place-order body the simulator accepted for processing. */
export interface SimPlaceRequest {
  readonly dhanClientId: string;
  readonly correlationId: string;
  readonly transactionType: 'BUY' | 'SELL';
  readonly exchangeSegment: string;
  readonly productType: string;
  readonly orderType: 'LIMIT' | 'MARKET' | 'STOP_LOSS' | 'STOP_LOSS_MARKET';
  readonly validity: string;
  readonly securityId: string;
  readonly quantity: number;
  /** Paise. */
  readonly pricePaise: number;
  readonly triggerPaise: number;
}

export type Validated = { ok: true; req: SimPlaceRequest; ins: SimInstrument } | { ok: false; message: string };

const ORDER_TYPES = ['LIMIT', 'MARKET', 'STOP_LOSS', 'STOP_LOSS_MARKET'];
const REQUIRED = ['dhanClientId', 'transactionType', 'exchangeSegment', 'productType', 'orderType', 'validity', 'securityId', 'quantity'];

/**
 * Dhan's synchronous checks (HTTP 400 DH-905): required fields present, no `""` values, known enums and security,
 * a positive whole quantity, prices that are numbers, a correlationId of at most 25 of [a-zA-Z0-9 _-].
 */
export const validatePlace = (b: Record<string, unknown>, clientId: string, bySecurity: ReadonlyMap<string, SimInstrument>): Validated => {
  for (const [k, v] of Object.entries(b)) if (v === '') return { ok: false, message: `${k} must not be empty` };
  const missing = REQUIRED.find((k) => b[k] === undefined || b[k] === null);
  if (missing !== undefined) return { ok: false, message: `Missing required field ${missing}` };
  if (b.dhanClientId !== clientId) return { ok: false, message: 'dhanClientId does not match the client-id header' };
  if (b.transactionType !== 'BUY' && b.transactionType !== 'SELL') return { ok: false, message: 'Invalid transactionType' };
  if (!ORDER_TYPES.includes(String(b.orderType))) return { ok: false, message: 'Invalid orderType' };
  const q = b.quantity;
  if (typeof q !== 'number' || !Number.isInteger(q) || q <= 0) return { ok: false, message: `Invalid quantity ${String(q)}` };
  const ins = bySecurity.get(String(b.securityId));
  if (ins === undefined || b.exchangeSegment !== ins.exchangeSegment) return { ok: false, message: `Invalid securityId ${String(b.securityId)}` };
  const cid = b.correlationId === undefined ? '' : String(b.correlationId);
  if (cid !== '' && !/^[a-zA-Z0-9 _-]{1,25}$/.test(cid)) return { ok: false, message: 'Invalid correlationId' };
  for (const k of ['price', 'triggerPrice']) if (b[k] !== undefined && (typeof b[k] !== 'number' || (b[k] as number) < 0)) return { ok: false, message: `Invalid ${k}` };
  const price = Math.round(((b.price as number | undefined) ?? 0) * 100);
  const trigger = Math.round(((b.triggerPrice as number | undefined) ?? 0) * 100);
  if ((b.orderType === 'LIMIT' || b.orderType === 'STOP_LOSS') && price <= 0) return { ok: false, message: 'price is required for a LIMIT order' };
  if ((b.orderType === 'STOP_LOSS' || b.orderType === 'STOP_LOSS_MARKET') && trigger <= 0) return { ok: false, message: 'triggerPrice is required for a stop-loss order' };
  return {
    ok: true, ins,
    req: {
      dhanClientId: clientId, correlationId: cid, transactionType: b.transactionType, exchangeSegment: ins.exchangeSegment, productType: String(b.productType),
      orderType: b.orderType as SimPlaceRequest['orderType'], validity: String(b.validity), securityId: ins.securityId, quantity: q, pricePaise: price, triggerPaise: trigger,
    },
  };
};

/** The exchange's later checks (order goes TRANSIT → REJECTED): tick size and the price band around the last price. */
export const exchangeRejection = (req: SimPlaceRequest, refPaise: number, tickPaise: number, bandPct: number): string | undefined => {
  for (const [name, p] of [['price', req.pricePaise], ['trigger price', req.triggerPaise]] as const) {
    if (p === 0) continue;
    if (p % tickPaise !== 0) return `${name} ${p / 100} is not a multiple of the tick size ${tickPaise / 100}`;
    if (Math.abs(p - refPaise) > (refPaise * bandPct) / 100) return `${name} ${p / 100} is outside the price band (${bandPct}% of ${refPaise / 100})`;
  }
  return undefined;
};
