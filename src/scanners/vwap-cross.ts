import { z } from 'zod';
import { exitParams } from './common-params.js';
import { Atr } from './indicators/atr.js';
import { RollingVolumeMean } from './indicators/rolling-volume-mean.js';
import { SessionVwap } from './indicators/session-vwap.js';
import { PerSymbol } from './indicators/per-symbol.js';
import { makeSignal } from './make-signal.js';
import type { Signal, WindowUpdate } from '../core/index.js';
import type { ScannerDefinition, ScannerInstance } from './scanner.js';

const params = z.strictObject({
  volumePeriod: z.number().int().min(2).max(200).default(20),
  minVolumeRatio: z.number().positive().max(50).default(1.5),
  /** No signal in the first bars of the day, while the session VWAP is still noisy. */
  minBarOfDay: z.number().int().min(0).max(370).default(5),
  ...exitParams,
});
export type VwapCrossParams = z.infer<typeof params>;

/** BUY when the close crosses above the session VWAP on above-average volume, SELL when it crosses below. */
export const vwapCross: ScannerDefinition<VwapCrossParams> = {
  id: 'vwap-cross',
  description: 'close crosses the session VWAP with volume confirmation; stop at an ATR multiple',
  params,
  create: (p) => new VwapCrossScanner(p),
};

class VwapCrossScanner implements ScannerInstance {
  readonly id = 'vwap-cross';
  readonly warmupBars: number;
  private readonly vwap = new SessionVwap();
  private readonly volMean: RollingVolumeMean;
  private readonly atr: Atr;
  private readonly prevSide = new PerSymbol(0);

  constructor(private readonly p: VwapCrossParams) {
    this.volMean = new RollingVolumeMean(p.volumePeriod);
    this.atr = new Atr(p.atrPeriod);
    this.warmupBars = Math.max(p.volumePeriod, p.atrPeriod) + 1;
  }

  next(u: WindowUpdate): Signal | undefined {
    const id = u.bar.symbolId;
    const v = this.vwap.update(u);
    const mean = this.volMean.update(u);
    const a = this.atr.update(u.bar);
    const side = Math.sign(u.bar.close - v);
    const prev = u.barOfDay === 0 ? 0 : this.prevSide.get(id);
    if (side !== 0) this.prevSide.set(id, side);
    if (u.barOfDay < this.p.minBarOfDay || Number.isNaN(mean) || Number.isNaN(a) || mean <= 0 || prev === 0 || side === prev || side === 0) return undefined;
    const ratio = u.bar.volume / mean;
    if (ratio < this.p.minVolumeRatio) return undefined;
    // confidence: volume ratio relative to twice the minimum, capped at 1
    const conf = ratio / (2 * this.p.minVolumeRatio);
    return side > 0
      ? makeSignal('vwap-cross', u, 'BUY', u.bar.close - this.p.atrStopMult * a, this.p.rewardRisk, conf)
      : makeSignal('vwap-cross', u, 'SELL', u.bar.close + this.p.atrStopMult * a, this.p.rewardRisk, conf);
  }
}
