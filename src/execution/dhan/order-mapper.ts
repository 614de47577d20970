import { type BrokerOrder, type BrokerPosition, type EpochMs, type OrderStatus, type Side, paise } from '../../core/index.js';
import { parseIstDateTime } from './ist-time.js';
import { dhanOrderType, dhanSide, dhanStatus } from './order-status.js';
import type { DhanOrderAlertData, DhanOrderRow, DhanPositionRow, DhanTradeRow } from './wire.js';

/** SecurityId → engine symbol (the configured instruments); rows of other instruments keep Dhan's symbol. */
export type SymbolOf = (securityId: string, dhanSymbol: string | null | undefined) => string;

/** Rupees (float) to paise, kept exact for averages (rounded only where a Fill is made). */
const toPaise = (rupees: number | null | undefined): number => Math.round((rupees ?? 0) * 10_000) / 100;
const reasonOf = (s: string | null | undefined): { reason?: string } =>
  s === null || s === undefined || s === '' || /^(CONFIRMED|NA)$/i.test(s) ? {} : { reason: s };

/** An order-book row in engine units; undefined when its status is not one the engine models (unless `unknownAs`). */
export const orderFromRow = (r: DhanOrderRow, symbolOf: SymbolOf, fallbackMs: EpochMs, unknownAs?: OrderStatus): BrokerOrder | undefined => {
  const status = dhanStatus(r.orderStatus) ?? unknownAs;
  if (status === undefined) return undefined;
  const type = dhanOrderType(r.orderType);
  return {
    clientOrderId: r.correlationId ?? '', brokerOrderId: r.orderId, symbol: symbolOf(r.securityId, r.tradingSymbol), side: dhanSide(r.transactionType),
    qty: r.quantity, type, status, filledQty: r.filledQty ?? 0, avgFillPrice: paise(toPaise(r.averageTradedPrice)),
    updatedMs: parseIstDateTime(r.updateTime) ?? parseIstDateTime(r.createTime) ?? fallbackMs, ...reasonOf(r.omsErrorDescription),
    ...(type === 'LIMIT' && r.price ? { limitPrice: paise(toPaise(r.price)) } : {}),
    ...(type === 'STOP_LOSS_MARKET' && r.triggerPrice ? { triggerPrice: paise(toPaise(r.triggerPrice)) } : {}),
  };
};

/** An `order_alert` of the order-update socket in engine units (statuses compared case-insensitively). */
export const orderFromAlert = (d: DhanOrderAlertData, symbolOf: SymbolOf, fallbackMs: EpochMs): BrokerOrder | undefined => {
  const status = dhanStatus(d.Status);
  if (status === undefined) return undefined;
  const type = dhanOrderType(d.OrderType);
  return {
    clientOrderId: d.CorrelationId ?? '', brokerOrderId: d.OrderNo, symbol: symbolOf(d.SecurityId, d.Symbol), side: dhanSide(d.TxnType), qty: d.Quantity,
    type, status, filledQty: d.TradedQty ?? 0, avgFillPrice: paise(toPaise(d.AvgTradedPrice ?? d.TradedPrice)),
    updatedMs: parseIstDateTime(d.LastUpdatedTime) ?? fallbackMs, ...reasonOf(d.ReasonDescription),
    ...(type === 'LIMIT' && d.Price ? { limitPrice: paise(toPaise(d.Price)) } : {}),
    ...(type === 'STOP_LOSS_MARKET' && d.TriggerPrice ? { triggerPrice: paise(toPaise(d.TriggerPrice)) } : {}),
  };
};

export const positionFromRow = (r: DhanPositionRow, symbolOf: SymbolOf): BrokerPosition => ({
  symbol: symbolOf(r.securityId, r.tradingSymbol), netQty: r.netQty,
  avgPrice: paise(toPaise(r.netQty > 0 ? (r.buyAvg ?? r.costPrice) : r.netQty < 0 ? (r.sellAvg ?? r.costPrice) : 0)),
  realisedPaise: Math.round((r.realizedProfit ?? 0) * 100),
});

/** One execution of the trade book. */
export interface TradeBookEntry {
  readonly brokerOrderId: string;
  readonly tradeId: string;
  readonly symbol: string;
  readonly side: Side;
  readonly qty: number;
  readonly price: number;
  readonly atMs: EpochMs;
}

export const tradeFromRow = (r: DhanTradeRow, symbolOf: SymbolOf, fallbackMs: EpochMs): TradeBookEntry => ({
  brokerOrderId: r.orderId, tradeId: r.exchangeTradeId ?? '', symbol: symbolOf(r.securityId, r.tradingSymbol), side: dhanSide(r.transactionType),
  qty: r.tradedQuantity, price: paise(toPaise(r.tradedPrice)), atMs: parseIstDateTime(r.exchangeTime) ?? parseIstDateTime(r.updateTime) ?? fallbackMs,
});
