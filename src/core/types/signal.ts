import type { EpochMs, Paise } from './units.js';

export type Side = 'BUY' | 'SELL';

/** A scanner's proposal to trade. Prices in paise; confidence in [0, 1]. */
export interface Signal {
  /** Deterministic: `<scannerId>:<symbol>:<atMs>`. */
  readonly id: string;
  readonly scannerId: string;
  readonly symbol: string;
  readonly symbolId: number;
  readonly side: Side;
  readonly entry: Paise;
  readonly target: Paise;
  readonly stopLoss: Paise;
  readonly confidence: number;
  /** The close time of the bar that produced it. */
  readonly atMs: EpochMs;
}

export const signalId = (scannerId: string, symbol: string, atMs: number): string =>
  `${scannerId}:${symbol}:${atMs}`;
