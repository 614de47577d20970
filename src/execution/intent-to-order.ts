import { type EpochMs, type OrderIntent, type OrderRequest, type Side, epochMs, qty } from '../core/index.js';

/** The single translation from an intent to broker orders, used by every broker (live, paper, backtest). */
export const entryOrder = (intent: OrderIntent, clientOrderId: string, atMs: EpochMs): OrderRequest => ({
  clientOrderId, symbol: intent.symbol, symbolId: intent.symbolId, side: intent.side, qty: intent.qty, type: 'MARKET',
  purpose: 'ENTRY', scannerId: intent.scannerId, signalId: intent.signalId, atMs,
});

const opposite = (s: Side): Side => (s === 'BUY' ? 'SELL' : 'BUY');

/** Stop-loss and target exits for a filled entry, one OCO group (the entry's id). */
export const bracketOrders = (
  entry: OrderRequest, intent: Pick<OrderIntent, 'target' | 'stopLoss'>, filledQty: number, ids: readonly [string, string], atMs: number,
): [OrderRequest, OrderRequest] => {
  const base = { symbol: entry.symbol, symbolId: entry.symbolId, side: opposite(entry.side), qty: qty(filledQty), scannerId: entry.scannerId, signalId: entry.signalId, ocoGroup: entry.clientOrderId, atMs: epochMs(atMs) };
  return [
    { ...base, clientOrderId: ids[0], type: 'STOP_LOSS_MARKET', triggerPrice: intent.stopLoss, purpose: 'STOP' },
    { ...base, clientOrderId: ids[1], type: 'LIMIT', limitPrice: intent.target, purpose: 'TARGET' },
  ];
};

/** A market order that flattens a position. */
export const squareOffOrder = (
  p: { symbol: string; symbolId: number; side: Side; qty: number; scannerId: string; signalId: string }, clientOrderId: string, atMs: number,
): OrderRequest => ({
  clientOrderId, symbol: p.symbol, symbolId: p.symbolId, side: opposite(p.side), qty: qty(p.qty), type: 'MARKET',
  purpose: 'SQUARE_OFF', scannerId: p.scannerId, signalId: p.signalId, atMs: epochMs(atMs),
});
