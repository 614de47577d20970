import type { OrderModification, OrderRequest, OrderType } from '../../core/index.js';

export interface DhanInstrument {
  readonly symbol: string;
  readonly securityId: string;
  readonly exchangeSegment: string;
}

const DHAN_ORDER_TYPE: Readonly<Record<OrderType, string>> = { MARKET: 'MARKET', LIMIT: 'LIMIT', STOP_LOSS_MARKET: 'STOP_LOSS_MARKET' };

/** Paise to rupees as a JSON number (Dhan wants numbers, not strings). */
const rupees = (p: number): number => Math.round(p) / 100;

/**
 * The POST /orders body of an order: numbers as numbers, unused optional fields omitted (Dhan rejects `""` with
 * DH-905), the engine's clientOrderId as correlationId.
 */
export const placeOrderBody = (req: OrderRequest, ins: DhanInstrument, dhanClientId: string, productType: string): Record<string, unknown> => ({
  dhanClientId,
  correlationId: req.clientOrderId,
  transactionType: req.side,
  exchangeSegment: ins.exchangeSegment,
  productType,
  orderType: DHAN_ORDER_TYPE[req.type],
  validity: 'DAY',
  securityId: ins.securityId,
  quantity: req.qty,
  price: req.type === 'LIMIT' && req.limitPrice !== undefined ? rupees(req.limitPrice) : 0,
  ...(req.type === 'STOP_LOSS_MARKET' && req.triggerPrice !== undefined ? { triggerPrice: rupees(req.triggerPrice) } : {}),
});

/** The PUT /orders/{orderId} body: `quantity` is the original placed quantity (Dhan v2), not the remainder. */
export const modifyOrderBody = (req: OrderRequest, change: OrderModification, orderId: string, dhanClientId: string): Record<string, unknown> => {
  const type = change.type ?? req.type;
  const limit = change.limitPrice ?? req.limitPrice;
  const trigger = change.triggerPrice ?? req.triggerPrice;
  return {
    dhanClientId,
    orderId,
    orderType: DHAN_ORDER_TYPE[type],
    quantity: change.qty ?? req.qty,
    price: type === 'LIMIT' && limit !== undefined ? rupees(limit) : 0,
    validity: 'DAY',
    ...(type === 'STOP_LOSS_MARKET' && trigger !== undefined ? { triggerPrice: rupees(trigger) } : {}),
  };
};
