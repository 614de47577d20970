import { z } from 'zod';
import { exitParams } from './common-params.js';
import { Atr } from './indicators/atr.js';
import { Rsi } from './indicators/rsi.js';
import { PerSymbol } from './indicators/per-symbol.js';
import { makeSignal } from './make-signal.js';
import type { ScannerDefinition } from './scanner.js';

const params = z.strictObject({
  period: z.number().int().min(2).max(200).default(14),
  oversold: z.number().min(1).max(49).default(30),
  overbought: z.number().min(51).max(99).default(70),
  ...exitParams,
});
export type RsiReversalParams = z.infer<typeof params>;

/** BUY when RSI climbs back up through the oversold line, SELL when it falls back through the overbought line. */
export const rsiReversal: ScannerDefinition<RsiReversalParams> = {
  id: 'rsi-reversal',
  description: 'RSI leaves the oversold / overbought zone; stop at an ATR multiple',
  params,
  create(p) {
    const rsi = new Rsi(p.period);
    const atr = new Atr(p.atrPeriod);
    const prevRsi = new PerSymbol(Number.NaN);
    const extreme = new PerSymbol(50);
    return {
      id: 'rsi-reversal',
      warmupBars: Math.max(p.period, p.atrPeriod) + 2,
      next(u) {
        const id = u.bar.symbolId;
        const r = rsi.update(id, u.bar.close);
        const a = atr.update(u.bar);
        const prev = prevRsi.get(id);
        prevRsi.set(id, r);
        if (Number.isNaN(r)) return undefined;
        const ext = extreme.get(id);
        extreme.set(id, r < p.oversold ? Math.min(ext, r) : r > p.overbought ? Math.max(ext, r) : 50);
        if (Number.isNaN(prev) || Number.isNaN(a)) return undefined;
        // confidence: how deep the excursion went beyond the line, relative to the line's distance from 0 or 100
        if (prev < p.oversold && r >= p.oversold) return makeSignal('rsi-reversal', u, 'BUY', u.bar.close - p.atrStopMult * a, p.rewardRisk, 0.3 + (p.oversold - ext) / p.oversold);
        if (prev > p.overbought && r <= p.overbought) return makeSignal('rsi-reversal', u, 'SELL', u.bar.close + p.atrStopMult * a, p.rewardRisk, 0.3 + (ext - p.overbought) / (100 - p.overbought));
        return undefined;
      },
    };
  },
};
