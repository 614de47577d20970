import type { EpochMs, Paise } from './units.js';

/**
 * One OHLCV bar. Stamped at its close (`endMs`); `startMs` is the bar's open time.
 * `symbolId` is the dense index of the symbol in the run's `SymbolTable` (hot-path key).
 * In live `receivedMs` is when the bar was built; in replay it equals `endMs`.
 */
export interface Bar {
  readonly symbol: string;
  readonly symbolId: number;
  readonly startMs: EpochMs;
  readonly endMs: EpochMs;
  readonly open: Paise;
  readonly high: Paise;
  readonly low: Paise;
  readonly close: Paise;
  readonly volume: number;
  readonly receivedMs: EpochMs;
}
