import { Observable, type Subscriber } from 'rxjs';
import { type Bar, type BarSource, type EpochMs, type Paise, MINUTE_MS } from '../core/index.js';
import type { BarColumns, BarReader } from '../store/index.js';

/** The run's hooks, called as methods of this object (a class instance in a replay). */
export interface ReplayHooks {
  /** Before a bar with a later close time than the last: advance the clock (fires due alerts). */
  advanceTo(tMs: number): void;
  /** After each bar: a promise when the graph still has work in flight, else undefined. */
  settle(): Promise<void> | undefined;
  readonly onProgress?: (barsDone: number) => void;
  /** Hands each bar to the graph (`deliver(bar)`); a run wraps it to time bars. Default: deliver directly. */
  emit?(deliver: (bar: Bar) => void, bar: Bar): void;
}

/**
 * Replays DuckDB bars in (close time, symbol) order, one bar at a time: the next bar is emitted only after the
 * graph has settled the previous one.
 */
export class DuckDbBarSource implements BarSource {
  /** Subscribers are called directly (a Subject's `next` allocates a closure per value and copies its observer list). */
  readonly #subscribers: Subscriber<Bar>[] = [];
  readonly bars$ = new Observable<Bar>((sub) => {
    this.#subscribers.push(sub);
    return () => {
      const i = this.#subscribers.indexOf(sub);
      if (i >= 0) this.#subscribers.splice(i, 1);
    };
  });
  #stopped = false;
  #emitted = 0;
  #lastEnd = -Infinity;
  #pending: Promise<void> | undefined;
  readonly #deliver = (b: Bar): void => {
    const subs = this.#subscribers;
    if (subs.length === 1) (subs[0] as Subscriber<Bar>).next(b);
    else for (const sub of [...subs]) sub.next(b);
  };

  constructor(private readonly reader: BarReader, private readonly hooks: ReplayHooks, private readonly intervalMs = MINUTE_MS) {}

  async start(): Promise<void> {
    for await (const c of this.reader.chunks()) {
      // The loop over a chunk's bars is a plain method (compiled once, not on-stack-replaced in every run); it
      // returns early only when the graph has async work in flight, to be awaited before the next bar.
      for (let i = 0; i < c.length && !this.#stopped;) {
        i = this.#emitFrom(c, i);
        const pending = this.#pending;
        this.#pending = undefined;
        if (pending !== undefined) await pending;
      }
      this.#emitted += c.length;
      this.hooks.onProgress?.(this.#emitted);
      if (this.#stopped) break;
    }
    for (const sub of [...this.#subscribers]) sub.complete();
  }

  /** Emits bars from index `from` until the chunk ends or the graph has work to settle; returns the next index. */
  #emitFrom(c: BarColumns, from: number): number {
    const names = this.reader.symbols.names;
    const hooks = this.hooks;
    for (let i = from; i < c.length; i++) {
      const startMs = c.startMs[i] as number;
      const endMs = startMs + this.intervalMs;
      if (endMs > this.#lastEnd) {
        hooks.advanceTo(endMs);
        this.#lastEnd = endMs;
      }
      const symbolId = c.symbolId[i] as number;
      const bar: Bar = {
        symbol: names[symbolId] ?? '', symbolId, startMs: startMs as EpochMs, endMs: endMs as EpochMs,
        open: c.open[i] as Paise, high: c.high[i] as Paise, low: c.low[i] as Paise, close: c.close[i] as Paise,
        volume: c.volume[i] as number, receivedMs: endMs as EpochMs,
      };
      if (hooks.emit === undefined) this.#deliver(bar);
      else hooks.emit(this.#deliver, bar);
      const pending = hooks.settle();
      if (pending !== undefined) {
        this.#pending = pending;
        return i + 1;
      }
      if (this.#stopped) return c.length;
    }
    return c.length;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
  }

  get barsEmitted(): number {
    return this.#emitted;
  }
}
