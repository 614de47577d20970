import type { BrokerPort, Clock, Fill, Journal, OrderIdGenerator, OrderIntent, OrderRequest, PlaceOutcome } from '../core/index.js';
import { bracketOrders, entryOrder, squareOffOrder } from './intent-to-order.js';
import type { PositionLedger } from './position-ledger.js';

interface Working {
  readonly entry: OrderRequest;
  readonly intent: OrderIntent;
  brackets: string[];
  /** A square-off order is working: another square-off must not send a second one (it would reverse the position). */
  squaringOff: boolean;
  /** The stale-entry cancel was sent (once: a refused cancel, e.g. the entry just filled, is not retried every bar). */
  staleCancelSent?: boolean;
}

/**
 * Sends entries, attaches a stop/target bracket when an entry fills, squares off on schedule. It never assumes
 * a fill: positions change only through the ledger, on fills the broker reports.
 */
export class OrderRouter {
  readonly #bySymbol = new Map<number, Working>();
  /** Positions the router did not open (adopted from the broker after a restart) whose square-off is working. */
  readonly #adoptedSquaring = new Set<number>();
  /** No entry can turn stale before this clock time (recomputed by `hasStaleEntries`; reset by `submit` and `onFill`). */
  #staleCheckFromMs = -Infinity;

  constructor(
    private readonly broker: Pick<BrokerPort, 'place' | 'cancel' | 'openOrders'>,
    private readonly ids: OrderIdGenerator,
    private readonly ledger: PositionLedger,
    private readonly journal: Journal,
    private readonly clock: Clock,
    /** Entries older than this (clock ms) with no fill are cancelled as stale; 0 = never. */
    private readonly entryTtlMs = 0,
  ) {}

  async submit(intent: OrderIntent): Promise<PlaceOutcome> {
    const order = entryOrder(intent, this.ids.next(this.clock.now()), this.clock.now());
    const working: Working = { entry: order, intent, brackets: [], squaringOff: false };
    this.#bySymbol.set(intent.symbolId, working);
    this.#staleCheckFromMs = Math.min(this.#staleCheckFromMs, order.atMs + this.entryTtlMs);
    const outcome = await this.#place(order);
    if (outcome.kind === 'rejected' || outcome.kind === 'denied') this.#bySymbol.delete(intent.symbolId);
    return outcome;
  }

  /** Call after the ledger applied the fill. */
  async onFill(f: Fill): Promise<void> {
    this.#staleCheckFromMs = -Infinity;
    const w = this.#bySymbol.get(f.symbolId);
    if (w === undefined) return;
    if (f.purpose !== 'ENTRY') {
      if (this.ledger.position(f.symbolId) === undefined) this.#bySymbol.delete(f.symbolId);
      return;
    }
    const now = this.clock.now();
    const [stop, target] = bracketOrders(w.entry, w.intent, f.qty, [this.ids.next(now), this.ids.next(now)], now);
    w.brackets.push(stop.clientOrderId, target.clientOrderId);
    await this.#place(stop);
    await this.#place(target);
  }

  /** Cancels working entries and brackets, then flattens every open position with a market order. */
  async squareOffAll(): Promise<void> {
    for (const symbolId of [...this.#bySymbol.keys()].sort((a, b) => a - b)) {
      const w = this.#bySymbol.get(symbolId);
      if (w === undefined || w.squaringOff) continue;
      const p = this.ledger.position(symbolId);
      const cancels = p === undefined ? [w.entry.clientOrderId] : w.brackets;
      for (const id of cancels) await this.broker.cancel(id);
      if (p === undefined) {
        this.#bySymbol.delete(symbolId);
        continue;
      }
      w.brackets = [];
      w.squaringOff = true;
      const now = this.clock.now();
      await this.#place(squareOffOrder({ ...p, symbol: w.entry.symbol, symbolId, scannerId: w.entry.scannerId, signalId: w.entry.signalId }, this.ids.next(now), now));
    }
    await this.#squareOffAdopted();
  }

  /** Positions reconciliation adopted after a restart: their working orders are cancelled, then they are flattened. */
  async #squareOffAdopted(): Promise<void> {
    const adopted = this.ledger.openSymbolIds().filter((id) => !this.#bySymbol.has(id) && !this.#adoptedSquaring.has(id));
    if (adopted.length === 0) return;
    const working = await this.broker.openOrders();
    for (const symbolId of adopted) {
      const p = this.ledger.position(symbolId);
      if (p === undefined) continue;
      for (const o of working) if (o.symbolId === symbolId) await this.broker.cancel(o.clientOrderId);
      this.#adoptedSquaring.add(symbolId);
      const now = this.clock.now();
      await this.#place(squareOffOrder({ ...p, symbolId }, this.ids.next(now), now));
    }
  }

  /** Cancels entries that have not filled (a clean stop); open positions and their brackets stay. */
  async cancelWorkingEntries(): Promise<number> {
    let n = 0;
    for (const symbolId of [...this.#bySymbol.keys()].sort((a, b) => a - b)) {
      const w = this.#bySymbol.get(symbolId);
      if (w === undefined || this.ledger.position(symbolId) !== undefined) continue;
      await this.broker.cancel(w.entry.clientOrderId);
      this.#bySymbol.delete(symbolId);
      n++;
    }
    return n;
  }

  /** Whether an entry sent at least `entryTtlMs` before `nowMs` is still unfilled (cheap: call it on every bar). */
  hasStaleEntries(nowMs: number): boolean {
    if (this.entryTtlMs <= 0 || nowMs < this.#staleCheckFromMs) return false;
    let next = Infinity;
    for (const [sym, w] of this.#bySymbol) {
      if (w.staleCancelSent === true || this.ledger.position(sym) !== undefined) continue;
      const dueMs = w.entry.atMs + this.entryTtlMs;
      if (dueMs <= nowMs) return true;
      next = Math.min(next, dueMs);
    }
    // until then only a new entry (submit) or a fill (a position opening or closing) changes the answer
    this.#staleCheckFromMs = next;
    return false;
  }

  /** Cancels stale entries (see hasStaleEntries); the symbol is free again. Returns how many. */
  async cancelStaleEntries(nowMs: number): Promise<number> {
    let n = 0;
    for (const symbolId of [...this.#bySymbol.keys()].sort((a, b) => a - b)) {
      const w = this.#bySymbol.get(symbolId);
      if (w === undefined || w.staleCancelSent === true || w.entry.atMs + this.entryTtlMs > nowMs || this.ledger.position(symbolId) !== undefined) continue;
      w.staleCancelSent = true;
      const out = await this.broker.cancel(w.entry.clientOrderId);
      if (out.kind === 'cancelled' && this.ledger.position(symbolId) === undefined) {
        this.#bySymbol.delete(symbolId);
        n++;
      }
    }
    return n;
  }

  /** Symbols with a working entry or an open position. */
  get busyCount(): number {
    return this.#bySymbol.size;
  }

  /** A symbol with a working entry or an open position. */
  isBusy(symbolId: number): boolean {
    return this.#bySymbol.has(symbolId);
  }

  /** Notional of entries sent but not yet filled. */
  workingEntryNotional(): number {
    let n = 0;
    for (const [sym, w] of this.#bySymbol) if (this.ledger.position(sym) === undefined) n += w.intent.qty * w.intent.entry;
    return n;
  }

  async #place(order: OrderRequest): Promise<PlaceOutcome> {
    const outcome = await this.broker.place(order);
    this.journal.append({ kind: 'order', order, outcome: outcome.kind });
    return outcome;
  }
}
