import { z } from 'zod';
import { exitParams } from './common-params.js';
import { Atr } from './indicators/atr.js';
import { RollingVolumeMean } from './indicators/rolling-volume-mean.js';
import { SessionVwap } from './indicators/session-vwap.js';
import { PerSymbol } from './indicators/per-symbol.js';
import { makeSignal } from './make-signal.js';
import type { ScannerDefinition } from './scanner.js';

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
  create(p) {
    const vwap = new SessionVwap();
    const volMean = new RollingVolumeMean(p.volumePeriod);
    const atr = new Atr(p.atrPeriod);
    const prevSide = new PerSymbol(0);
    return {
      id: 'vwap-cross',
      warmupBars: Math.max(p.volumePeriod, p.atrPeriod) + 1,
      next(u) {
        const id = u.bar.symbolId;
        const v = vwap.update(u);
        const mean = volMean.update(u);
        const a = atr.update(u.bar);
        const side = Math.sign(u.bar.close - v);
        const prev = u.barOfDay === 0 ? 0 : prevSide.get(id);
        if (side !== 0) prevSide.set(id, side);
        if (u.barOfDay < p.minBarOfDay || Number.isNaN(mean) || Number.isNaN(a) || mean <= 0 || prev === 0 || side === prev || side === 0) return undefined;
        const ratio = u.bar.volume / mean;
        if (ratio < p.minVolumeRatio) return undefined;
        // confidence: volume ratio relative to twice the minimum, capped at 1
        const conf = ratio / (2 * p.minVolumeRatio);
        return side > 0
          ? makeSignal('vwap-cross', u, 'BUY', u.bar.close - p.atrStopMult * a, p.rewardRisk, conf)
          : makeSignal('vwap-cross', u, 'SELL', u.bar.close + p.atrStopMult * a, p.rewardRisk, conf);
      },
    };
  },
};
