import { z } from 'zod';
import { exitParams } from './common-params.js';
import { Atr } from './indicators/atr.js';
import { RollingVolumeMean } from './indicators/rolling-volume-mean.js';
import { makeSignal } from './make-signal.js';
import type { Signal, WindowUpdate } from '../core/index.js';
import type { ScannerDefinition, ScannerInstance } from './scanner.js';

const params = z.strictObject({
  period: z.number().int().min(2).max(200).default(20),
  multiplier: z.number().min(1).max(100).default(3),
  /** The bar's body (|close − open|) must be at least this share of its range to count as directional. */
  minBodyShare: z.number().min(0).max(1).default(0.5),
  ...exitParams,
});
export type VolumeSpikeParams = z.infer<typeof params>;

/** Volume at least `multiplier` × the mean of the previous `period` bars on a directional bar: trade its direction. */
export const volumeSpike: ScannerDefinition<VolumeSpikeParams> = {
  id: 'volume-spike',
  description: 'volume spike on a directional bar; stop at an ATR multiple',
  params,
  create: (p) => new VolumeSpikeScanner(p),
};

class VolumeSpikeScanner implements ScannerInstance {
  readonly id = 'volume-spike';
  readonly warmupBars: number;
  private readonly mean: RollingVolumeMean;
  private readonly atr: Atr;

  constructor(private readonly p: VolumeSpikeParams) {
    this.mean = new RollingVolumeMean(p.period);
    this.atr = new Atr(p.atrPeriod);
    this.warmupBars = Math.max(p.period, p.atrPeriod) + 1;
  }

  next(u: WindowUpdate): Signal | undefined {
    const m = this.mean.update(u);
    const a = this.atr.update(u.bar);
    if (Number.isNaN(m) || Number.isNaN(a) || m <= 0) return undefined;
    const ratio = u.bar.volume / m;
    const b = u.bar;
    const body = b.close - b.open;
    if (ratio < this.p.multiplier || b.high === b.low || Math.abs(body) < this.p.minBodyShare * (b.high - b.low)) return undefined;
    // confidence: the volume ratio relative to twice the multiplier, capped at 1
    const conf = ratio / (2 * this.p.multiplier);
    return body > 0
      ? makeSignal('volume-spike', u, 'BUY', b.close - this.p.atrStopMult * a, this.p.rewardRisk, conf)
      : makeSignal('volume-spike', u, 'SELL', b.close + this.p.atrStopMult * a, this.p.rewardRisk, conf);
  }
}
