import { type BrokerOrder, type BrokerPosition, type EpochMs, type Fill, type OrderRequest, type OrderStatus, type Side, epochMs, paise, qty } from '../core/index.js';
import type { OrderManager } from './order-manager.js';
import type { PositionLedger } from './position-ledger.js';

export type ReconcileDifference =
  | { readonly kind: 'ORDER_ONLY_AT_BROKER'; readonly clientOrderId: string; readonly brokerOrderId: string; readonly status: OrderStatus; readonly filledQty: number }
  | { readonly kind: 'ORDER_NOT_AT_BROKER'; readonly clientOrderId: string; readonly localStatus: OrderStatus }
  | { readonly kind: 'ORDER_STATUS'; readonly clientOrderId: string; readonly local: OrderStatus; readonly broker: OrderStatus }
  | { readonly kind: 'ORDER_FILLED_QTY'; readonly clientOrderId: string; readonly local: number; readonly broker: number }
  | { readonly kind: 'POSITION'; readonly symbol: string; readonly local: number; readonly broker: number; readonly applied: boolean };

export interface ReconcileInput {
  readonly brokerOrders: readonly BrokerOrder[];
  readonly brokerPositions: readonly BrokerPosition[];
  readonly now: EpochMs;
  /** Orders this engine placed (for example by client-order-id prefix); orders placed elsewhere are left alone. */
  readonly owns: (clientOrderId: string) => boolean;
  readonly symbols: { id(symbol: string): number | undefined; name(id: number): string };
}

/**
 * Compares the broker's orders and positions with local state and resolves every difference in the broker's
 * favour: statuses are taken as they are, missing fills are applied at the broker's average price, orders only
 * the broker knows are adopted, local orders the broker never saw are closed as REJECTED, and what positions
 * still disagree after that is corrected by a reconciliation fill. Returns the differences (log and count them).
 */
export const reconcile = (manager: OrderManager, ledger: PositionLedger, input: ReconcileInput): ReconcileDifference[] => {
  const diffs: ReconcileDifference[] = [];
  const atBroker = new Map(input.brokerOrders.filter((b) => b.clientOrderId !== '' && input.owns(b.clientOrderId)).map((b) => [b.clientOrderId, b]));
  for (const b of [...atBroker.values()].sort((x, y) => (x.clientOrderId < y.clientOrderId ? -1 : 1))) diffs.push(...reconcileOrder(manager, b, input));
  for (const o of manager.open()) {
    if (atBroker.has(o.request.clientOrderId) || !input.owns(o.request.clientOrderId)) continue;
    diffs.push({ kind: 'ORDER_NOT_AT_BROKER', clientOrderId: o.request.clientOrderId, localStatus: o.status });
    manager.force(o.request.clientOrderId, 'REJECTED', '', 'RECONCILE_NOT_AT_BROKER: the broker has no such order');
  }
  diffs.push(...reconcilePositions(ledger, input));
  return diffs;
};

const reconcileOrder = (manager: OrderManager, b: BrokerOrder, input: ReconcileInput): ReconcileDifference[] => {
  const diffs: ReconcileDifference[] = [];
  let local = manager.get(b.clientOrderId);
  if (local === undefined) {
    diffs.push({ kind: 'ORDER_ONLY_AT_BROKER', clientOrderId: b.clientOrderId, brokerOrderId: b.brokerOrderId, status: b.status, filledQty: b.filledQty });
    const symbolId = input.symbols.id(b.symbol);
    if (symbolId === undefined) return diffs;
    local = manager.adopt(adoptedRequest(b, symbolId), b.brokerOrderId, b.status);
  } else if (local.status !== b.status) {
    diffs.push({ kind: 'ORDER_STATUS', clientOrderId: b.clientOrderId, local: local.status, broker: b.status });
  }
  manager.force(b.clientOrderId, b.status, b.brokerOrderId, b.reason);
  if (b.filledQty === local.filledQty) return diffs;
  if (diffs[0]?.kind !== 'ORDER_ONLY_AT_BROKER') diffs.push({ kind: 'ORDER_FILLED_QTY', clientOrderId: b.clientOrderId, local: local.filledQty, broker: b.filledQty });
  if (b.filledQty < local.filledQty) return diffs;
  const delta = b.filledQty - local.filledQty;
  const price = Math.round((b.avgFillPrice * b.filledQty - local.avgFillPrice * local.filledQty) / delta);
  const r = local.request;
  manager.applyFill({
    fillId: `RC-${b.brokerOrderId}-${b.filledQty}`, clientOrderId: r.clientOrderId, brokerOrderId: b.brokerOrderId, symbol: r.symbol, symbolId: r.symbolId,
    side: r.side, qty: qty(delta), price: paise(price), atMs: input.now, purpose: r.purpose, scannerId: r.scannerId, signalId: r.signalId,
  });
  return diffs;
};

const adoptedRequest = (b: BrokerOrder, symbolId: number): OrderRequest => ({
  clientOrderId: b.clientOrderId, symbol: b.symbol, symbolId, side: b.side, qty: qty(b.qty), type: b.type, purpose: 'ENTRY', scannerId: 'reconcile',
  signalId: '', atMs: b.updatedMs,
  ...(b.limitPrice !== undefined ? { limitPrice: b.limitPrice } : {}), ...(b.triggerPrice !== undefined ? { triggerPrice: b.triggerPrice } : {}),
});

const signed = (p: { qty: number; side: Side } | undefined): number => (p === undefined ? 0 : p.side === 'BUY' ? p.qty : -p.qty);

const reconcilePositions = (ledger: PositionLedger, input: ReconcileInput): ReconcileDifference[] => {
  const broker = new Map(input.brokerPositions.map((p) => [p.symbol, p]));
  const symbols = new Set([...broker.keys(), ...ledger.openSymbolIds().map((id) => input.symbols.name(id))]);
  const diffs: ReconcileDifference[] = [];
  for (const symbol of [...symbols].sort()) {
    const b = broker.get(symbol);
    const id = input.symbols.id(symbol);
    const local = id === undefined ? 0 : signed(ledger.position(id));
    const want = b?.netQty ?? 0;
    if (local === want) continue;
    diffs.push({ kind: 'POSITION', symbol, local, broker: want, applied: id !== undefined });
    if (id === undefined) continue;
    const price = b !== undefined && b.avgPrice > 0 ? b.avgPrice : (ledger.position(id)?.avgPrice ?? 0);
    const legs = Math.sign(local) !== 0 && Math.sign(want) !== 0 && Math.sign(local) !== Math.sign(want) ? [-local, want] : [want - local];
    legs.forEach((d, i) => ledger.applyFill(correction(symbol, id, d, price, input.now, i)));
  }
  return diffs;
};

const correction = (symbol: string, symbolId: number, delta: number, price: number, now: EpochMs, leg: number): Fill => ({
  fillId: `RC-${symbol}-${now}-${leg}`, clientOrderId: 'RECONCILE', brokerOrderId: '', symbol, symbolId, side: delta > 0 ? 'BUY' : 'SELL',
  qty: qty(Math.abs(delta)), price: paise(Math.round(price)), atMs: epochMs(now), purpose: 'SQUARE_OFF', scannerId: 'reconcile', signalId: '',
});
