import { z } from 'zod';

/**
 * Dhan's REST v2 and order-update payloads, parsed tolerantly (dhan-protocol.md §2-3): unknown keys are dropped,
 * numbers may arrive as strings, absent fields are optional. Wire types never leave `execution/dhan/`.
 */
const num = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number);
const optNum = num.optional().nullable();
const optStr = z.string().optional().nullable();
const id = z.union([z.string(), z.number()]).transform(String);

export const dhanPlaceResponseSchema = z.object({ orderId: id, orderStatus: optStr });
export type DhanPlaceResponse = z.infer<typeof dhanPlaceResponseSchema>;

/** DELETE answers 202 with no body, or `{orderId, orderStatus}` (a documented conflict: accept both). */
export const dhanCancelResponseSchema = z.union([dhanPlaceResponseSchema, z.undefined(), z.object({})]);

export const dhanOrderRowSchema = z.object({
  orderId: id,
  correlationId: optStr,
  orderStatus: z.string(),
  transactionType: z.string(),
  exchangeSegment: optStr,
  productType: optStr,
  orderType: z.string(),
  securityId: id,
  tradingSymbol: optStr,
  quantity: num,
  price: optNum,
  triggerPrice: optNum,
  filledQty: optNum,
  averageTradedPrice: optNum,
  omsErrorDescription: optStr,
  createTime: optStr,
  updateTime: optStr,
});
export type DhanOrderRow = z.infer<typeof dhanOrderRowSchema>;

/** `/orders/{id}` and `/orders/external/{cid}` answer one row, or an array (`[]` for an unknown id). */
export const dhanOrderLookupSchema = z.union([z.array(dhanOrderRowSchema), dhanOrderRowSchema]);
export const dhanOrderBookSchema = z.array(dhanOrderRowSchema);

export const dhanTradeRowSchema = z.object({
  orderId: id,
  exchangeTradeId: id.optional(),
  transactionType: z.string(),
  securityId: id,
  tradingSymbol: optStr,
  tradedQuantity: num,
  tradedPrice: num,
  exchangeTime: optStr,
  updateTime: optStr,
});
export const dhanTradeBookSchema = z.array(dhanTradeRowSchema);
export type DhanTradeRow = z.infer<typeof dhanTradeRowSchema>;

export const dhanPositionRowSchema = z.object({
  securityId: id,
  tradingSymbol: optStr,
  positionType: optStr,
  netQty: num,
  buyAvg: optNum,
  sellAvg: optNum,
  costPrice: optNum,
  realizedProfit: optNum,
  unrealizedProfit: optNum,
});
export const dhanPositionsSchema = z.array(dhanPositionRowSchema);
export type DhanPositionRow = z.infer<typeof dhanPositionRowSchema>;

/** `availabelBalance` is misspelled on the wire; kept as Dhan sends it. */
export const dhanFundLimitSchema = z.object({
  availabelBalance: num,
  sodLimit: optNum,
  collateralAmount: optNum,
  utilizedAmount: optNum,
  withdrawableBalance: optNum,
});
export type DhanFundLimit = z.infer<typeof dhanFundLimitSchema>;

export const dhanOrderAlertDataSchema = z.object({
  OrderNo: id,
  CorrelationId: optStr,
  SecurityId: id,
  Symbol: optStr,
  TxnType: z.string(),
  OrderType: z.string(),
  Quantity: num,
  TradedQty: optNum,
  Price: optNum,
  TriggerPrice: optNum,
  TradedPrice: optNum,
  AvgTradedPrice: optNum,
  Status: z.string(),
  ReasonDescription: optStr,
  LastUpdatedTime: optStr,
});
export const dhanOrderAlertSchema = z.object({ Type: z.string(), Data: z.unknown() });
export type DhanOrderAlertData = z.infer<typeof dhanOrderAlertDataSchema>;
