import type { Bar, OrderRequest, StateStore } from '../core/index.js';
import { type KillSwitchSnapshot, parseKillSwitchSnapshot } from '../risk/index.js';
import { type StateKeyspace, type WindowSnapshot, type WindowSnapshotView, decodeWindowBars, parseWindowSnapshot } from '../state/index.js';

export interface SentOrder { readonly clientOrderId: string; readonly signalId: string; readonly symbol: string; readonly purpose: string; readonly atMs: number }

export interface RestoredState {
  readonly trading: KillSwitchSnapshot | undefined;
  /** Entry orders already sent today, by signal id: a signal seen again after a restart is not sent twice. */
  readonly sentSignals: ReadonlySet<string>;
  /** The saved window bars, in (end, symbol) order, to warm windows and scanners up with. */
  readonly bars: readonly Bar[];
}

/**
 * What the daemon keeps in the state store (docs/state.md): the trading state and day P&L (durable), every
 * order recorded before it is sent (durable, for idempotency), and each symbol's window (cache). Positions and
 * open orders are the broker's: reconciliation restores them after a restart.
 */
export class EngineState {
  constructor(readonly store: StateStore, readonly ks: StateKeyspace) {}

  /** Loads the saved state (rejects when Redis is down at start: the caller starts cold and reconciles). */
  async load(symbolIds: (symbol: string) => number | undefined): Promise<RestoredState> {
    const all = await this.store.getAll(this.ks.prefix);
    let trading: KillSwitchSnapshot | undefined;
    const sent = new Set<string>();
    const bars: Bar[] = [];
    for (const [key, value] of all) {
      const k = this.ks.parse(key);
      if (k === undefined) continue;
      if (k.kind === 'trading') trading = parseKillSwitchSnapshot(value);
      if (k.kind === 'order') {
        const o = value as Partial<SentOrder>;
        if (o.purpose === 'ENTRY' && typeof o.signalId === 'string') sent.add(o.signalId);
      }
      if (k.kind === 'window') {
        const id = symbolIds(k.id);
        let snap: WindowSnapshot;
        try {
          snap = parseWindowSnapshot(value);
        } catch {
          continue; // a cache entry from another version: the window just starts cold
        }
        if (id !== undefined) bars.push(...decodeWindowBars(snap, id));
      }
    }
    bars.sort((a, b) => a.endMs - b.endMs || a.symbolId - b.symbolId);
    return { trading, sentSignals: sent, bars };
  }

  /** A new market day (the warm-up event): yesterday's order records are no longer needed for idempotency. */
  async clearOrders(): Promise<number> {
    const orders = await this.store.getAll(this.ks.kindPrefix('order'));
    for (const key of orders.keys()) this.store.delete(key);
    return orders.size;
  }

  saveTrading(s: KillSwitchSnapshot): void {
    this.store.put(this.ks.key('trading', 'current'), s, 'durable');
  }

  saveWindow(symbol: string, view: WindowSnapshotView): void {
    this.store.put(this.ks.key('window', symbol), view, 'cache');
  }

  /** Records an order before it is sent and waits for the write (if Redis is down: proceeds, reconciliation covers it). */
  async recordSent(o: OrderRequest): Promise<boolean> {
    const rec: SentOrder = { clientOrderId: o.clientOrderId, signalId: o.signalId, symbol: o.symbol, purpose: o.purpose, atMs: o.atMs };
    this.store.put(this.ks.key('order', o.clientOrderId), rec, 'durable');
    return this.store.flush();
  }
}
