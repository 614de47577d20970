import { z } from 'zod';
import { exitParams } from './common-params.js';
import { Atr } from './indicators/atr.js';
import { RollingVolumeMean } from './indicators/rolling-volume-mean.js';
import { makeSignal } from './make-signal.js';
import type { ScannerDefinition } from './scanner.js';

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
  create(p) {
    const mean = new RollingVolumeMean(p.period);
    const atr = new Atr(p.atrPeriod);
    return {
      id: 'volume-spike',
      warmupBars: Math.max(p.period, p.atrPeriod) + 1,
      next(u) {
        const m = mean.update(u);
        const a = atr.update(u.bar);
        if (Number.isNaN(m) || Number.isNaN(a) || m <= 0) return undefined;
        const ratio = u.bar.volume / m;
        const b = u.bar;
        const body = b.close - b.open;
        if (ratio < p.multiplier || b.high === b.low || Math.abs(body) < p.minBodyShare * (b.high - b.low)) return undefined;
        // confidence: the volume ratio relative to twice the multiplier, capped at 1
        const conf = ratio / (2 * p.multiplier);
        return body > 0
          ? makeSignal('volume-spike', u, 'BUY', b.close - p.atrStopMult * a, p.rewardRisk, conf)
          : makeSignal('volume-spike', u, 'SELL', b.close + p.atrStopMult * a, p.rewardRisk, conf);
      },
    };
  },
};
