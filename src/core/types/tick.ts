import type { EpochMs, Paise } from './units.js';

/** One trade print from the live feed, in engine units. `cumVolume` is the day's cumulative volume, if known. */
export interface Tick {
  readonly symbolId: number;
  readonly price: Paise;
  readonly cumVolume: number | undefined;
  /** Exchange time of the trade (true UTC). */
  readonly exchangeMs: EpochMs;
  /** When the frame carrying it arrived. */
  readonly receivedMs: EpochMs;
}
