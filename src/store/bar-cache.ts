import type { DuckDBConnection } from '@duckdb/node-api';
import type { BarRange } from './bar-range.js';
import { type BarColumns, type BarReader, openBarReader } from './bar-reader.js';

interface Entry {
  readonly base: Omit<BarReader, 'chunks'>;
  readonly chunks: readonly BarColumns[];
}

const copy = (c: BarColumns): BarColumns => ({
  length: c.length, symbolId: c.symbolId.slice(), startMs: c.startMs.slice(), open: c.open.slice(), high: c.high.slice(),
  low: c.low.slice(), close: c.close.slice(), volume: c.volume.slice(),
});

/**
 * The bars of recently replayed ranges, kept as copies of their columns (36 bytes a bar), so the jobs of a sweep
 * read and convert the file's bars once instead of once per combination. Only for a store that cannot change
 * while the cache lives (a sweep thread's read-only store). Ranges larger than the budget are streamed as always;
 * the oldest range is dropped to make room for a new one.
 */
export class BarCache {
  readonly #entries = new Map<string, Entry>();
  #held = 0;

  constructor(readonly maxBars: number) {}

  get barsHeld(): number {
    return this.#held;
  }

  /** The range's bars: from the cache, or read through a connection from `connect` (called only on a miss). */
  async open(connect: () => Promise<DuckDBConnection>, range: BarRange): Promise<BarReader> {
    const key = JSON.stringify([range.from ?? null, range.to ?? null, range.symbols ?? null]);
    const hit = this.#entries.get(key);
    if (hit !== undefined) return { ...hit.base, chunks: async function* () { yield* hit.chunks; } };
    const reader = await openBarReader(await connect(), range);
    if (reader.totalBars > this.maxBars) return reader;
    const remember = (chunks: BarColumns[]): void => {
      while (this.#held + reader.totalBars > this.maxBars) this.#evictOldest();
      this.#entries.set(key, { base: { symbols: reader.symbols, totalBars: reader.totalBars, tradingDates: reader.tradingDates }, chunks });
      this.#held += reader.totalBars;
    };
    return {
      symbols: reader.symbols, totalBars: reader.totalBars, tradingDates: reader.tradingDates,
      chunks: async function* () {
        const kept: BarColumns[] = [];
        for await (const ch of reader.chunks()) {
          kept.push(copy(ch));
          yield ch;
        }
        remember(kept);
      },
    };
  }

  #evictOldest(): void {
    const [key, e] = this.#entries.entries().next().value as [string, Entry];
    this.#entries.delete(key);
    this.#held -= e.base.totalBars;
  }
}
