import { Subject } from 'rxjs';
import { type Bar, type BarMatcher, type BrokerPort, type CancelOutcome, type Fill, type OrderRequest, type OrderUpdate, type PlaceOutcome, epochMs, paise } from '../../core/index.js';
import { type FillModelConfig, fillPrice } from './fill-model.js';

/**
 * The simulated broker of paper trading and backtests. Orders rest until a later bar fills them
 * (see fill-model.ts); brackets (ocoGroup) cancel their sibling on a fill, stop before target.
 */
export class SimBroker implements BrokerPort, BarMatcher {
  readonly fills$ = new Subject<Fill>();
  readonly updates$ = new Subject<OrderUpdate>();
  readonly #resting = new Map<number, OrderRequest[]>();
  /** Each symbol's latest bar, by dense symbol id. */
  readonly #lastBar: (Bar | undefined)[] = [];
  #seq = 0;

  constructor(readonly config: FillModelConfig) {}

  async place(req: OrderRequest): Promise<PlaceOutcome> {
    if (!Number.isInteger(req.qty) || req.qty <= 0) return { kind: 'rejected', code: 'SIM_BAD_QUANTITY', reason: `quantity ${req.qty}` };
    const list = this.#resting.get(req.symbolId) ?? [];
    list.push(req);
    this.#resting.set(req.symbolId, list);
    this.updates$.next({ clientOrderId: req.clientOrderId, brokerOrderId: this.#brokerId(req), status: 'PENDING', filledQty: 0, atMs: req.atMs });
    return { kind: 'accepted', brokerOrderId: this.#brokerId(req) };
  }

  async cancel(clientOrderId: string): Promise<CancelOutcome> {
    for (const [sym, list] of this.#resting) {
      const i = list.findIndex((o) => o.clientOrderId === clientOrderId);
      if (i < 0) continue;
      const [o] = list.splice(i, 1);
      if (list.length === 0) this.#resting.delete(sym);
      if (o) this.updates$.next({ clientOrderId, brokerOrderId: this.#brokerId(o), status: 'CANCELLED', filledQty: 0, atMs: o.atMs });
      return { kind: 'cancelled' };
    }
    return { kind: 'rejected', code: 'SIM_UNKNOWN_ORDER', reason: `no working order ${clientOrderId}` };
  }

  async openOrders(): Promise<readonly OrderRequest[]> {
    return [...this.#resting.values()].flat();
  }

  matchBar(bar: Bar): void {
    this.#lastBar[bar.symbolId] = bar;
    if (this.#resting.size === 0) return;
    const list = this.#resting.get(bar.symbolId);
    if (list === undefined) return;
    const fills = fillsOf(list, bar, this.config);
    if (fills === undefined) return;
    const filled = new Set(fills.map(([o]) => o));
    const groups = new Set(fills.map(([o]) => o.ocoGroup).filter((g) => g !== undefined));
    const keep = list.filter((o) => !filled.has(o) && !(o.ocoGroup !== undefined && groups.has(o.ocoGroup)));
    if (keep.length > 0) this.#resting.set(bar.symbolId, keep);
    else this.#resting.delete(bar.symbolId);
    for (const o of list) if (!filled.has(o) && !keep.includes(o)) this.#emitUpdate(o, 'CANCELLED', 0, bar.startMs);
    for (const [o, p] of fills) this.#fill(o, p, bar.startMs);
  }

  /** End of data: fill working MARKET orders at each symbol's last close. */
  fillMarketOrdersAtLastClose(atMs: number): void {
    for (const [sym, list] of [...this.#resting]) {
      const last = this.#lastBar[sym];
      if (last === undefined) continue;
      const markets = list.filter((o) => o.type === 'MARKET');
      const keep = list.filter((o) => o.type !== 'MARKET');
      if (keep.length > 0) this.#resting.set(sym, keep);
      else this.#resting.delete(sym);
      for (const o of markets) this.#fill(o, last.close, atMs);
    }
  }

  #fill(o: OrderRequest, price: number, atMs: number): void {
    this.#emitUpdate(o, 'TRADED', o.qty, atMs);
    this.fills$.next({
      fillId: `F${++this.#seq}`, clientOrderId: o.clientOrderId, brokerOrderId: this.#brokerId(o), symbol: o.symbol,
      symbolId: o.symbolId, side: o.side, qty: o.qty, price: paise(price), atMs: epochMs(atMs), purpose: o.purpose,
      scannerId: o.scannerId, signalId: o.signalId,
    });
  }

  #emitUpdate(o: OrderRequest, status: OrderUpdate['status'], filledQty: number, atMs: number): void {
    this.updates$.next({ clientOrderId: o.clientOrderId, brokerOrderId: this.#brokerId(o), status, filledQty, atMs: epochMs(atMs) });
  }

  #brokerId(o: OrderRequest): string {
    return `SIM-${o.clientOrderId}`;
  }
}

/**
 * The orders of a symbol the bar fills, with their prices, in fill order (an OCO group fills once); undefined when it
 * fills none, which is most bars of a held symbol, and then allocates nothing (no closure, no array).
 */
const fillsOf = (list: readonly OrderRequest[], bar: Bar, c: FillModelConfig): [OrderRequest, number][] | undefined => {
  let fills: [OrderRequest, number][] | undefined;
  for (const o of ordered(list)) {
    if (o.ocoGroup !== undefined && fills !== undefined && hasGroup(fills, o.ocoGroup)) continue;
    const p = fillPrice(o, bar, c);
    if (p !== undefined) (fills ??= []).push([o, p]);
  }
  return fills;
};

const hasGroup = (fills: readonly (readonly [OrderRequest, number])[], group: string): boolean => {
  for (const [f] of fills) if (f.ocoGroup === group) return true;
  return false;
};

/** Stops before targets (pessimistic when one bar touches both), otherwise placement order (a stable sort, done only when needed). */
const ordered = (list: readonly OrderRequest[]): readonly OrderRequest[] => {
  for (let i = 1; i < list.length; i++) {
    if (rank(list[i - 1] as OrderRequest) > rank(list[i] as OrderRequest)) return [...list].sort((a, b) => rank(a) - rank(b));
  }
  return list;
};
const rank = (o: OrderRequest): number => (o.type === 'STOP_LOSS_MARKET' ? 0 : o.type === 'MARKET' ? 1 : 2);
