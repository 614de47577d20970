import { Subject } from 'rxjs';
import { type Bar, type BarSource, type EpochMs, type Paise, MINUTE_MS } from '../core/index.js';
import type { BarReader } from '../store/index.js';

export interface ReplayHooks {
  /** Before a bar with a later close time than the last: advance the clock (fires due alerts). */
  readonly advanceTo: (tMs: number) => void;
  /** After each bar: a promise when the graph still has work in flight, else undefined. */
  readonly settle: () => Promise<void> | undefined;
  readonly onProgress?: (barsDone: number) => void;
  /** Hands each bar to the graph (`deliver(bar)`); a run wraps it to time bars. Default: deliver directly. */
  readonly emit?: (deliver: (bar: Bar) => void, bar: Bar) => void;
}

/**
 * Replays DuckDB bars in (close time, symbol) order, one bar at a time: the next bar is emitted only after the
 * graph has settled the previous one.
 */
export class DuckDbBarSource implements BarSource {
  readonly #bars$ = new Subject<Bar>();
  readonly bars$ = this.#bars$.asObservable();
  #stopped = false;
  #emitted = 0;

  constructor(private readonly reader: BarReader, private readonly hooks: ReplayHooks, private readonly intervalMs = MINUTE_MS) {}

  async start(): Promise<void> {
    const names = this.reader.symbols.names;
    const deliver = (b: Bar): void => this.#bars$.next(b);
    const emit = this.hooks.emit ?? ((d: (bar: Bar) => void, b: Bar) => d(b));
    let lastEnd = -Infinity;
    for await (const c of this.reader.chunks()) {
      for (let i = 0; i < c.length && !this.#stopped; i++) {
        const startMs = c.startMs[i] as number;
        const endMs = startMs + this.intervalMs;
        if (endMs > lastEnd) {
          this.hooks.advanceTo(endMs);
          lastEnd = endMs;
        }
        const symbolId = c.symbolId[i] as number;
        emit(deliver, {
          symbol: names[symbolId] ?? '', symbolId, startMs: startMs as EpochMs, endMs: endMs as EpochMs,
          open: c.open[i] as Paise, high: c.high[i] as Paise, low: c.low[i] as Paise, close: c.close[i] as Paise,
          volume: c.volume[i] as number, receivedMs: endMs as EpochMs,
        });
        const pending = this.hooks.settle();
        if (pending !== undefined) await pending;
      }
      this.#emitted += c.length;
      this.hooks.onProgress?.(this.#emitted);
      if (this.#stopped) break;
    }
    this.#bars$.complete();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
  }

  get barsEmitted(): number {
    return this.#emitted;
  }
}
