import type { EpochMs } from '../types/units.js';

export type Cancel = () => void;

/** The only source of time in the engine. Structurally an rxjs `TimestampProvider`. */
export interface Clock {
  now(): EpochMs;
  /** Calls `fn` once when the clock reaches `t`. Alerts in the past fire at the next opportunity. */
  at(t: EpochMs, name: string, fn: (firedAt: EpochMs) => void): Cancel;
}
