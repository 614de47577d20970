import { z } from 'zod';
import { exitParams } from './common-params.js';
import { Atr } from './indicators/atr.js';
import { Rsi } from './indicators/rsi.js';
import { PerSymbol } from './indicators/per-symbol.js';
import { makeSignal } from './make-signal.js';
import type { Signal, WindowUpdate } from '../core/index.js';
import type { ScannerDefinition, ScannerInstance } from './scanner.js';

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
  create: (p) => new RsiReversalScanner(p),
};

class RsiReversalScanner implements ScannerInstance {
  readonly id = 'rsi-reversal';
  readonly warmupBars: number;
  private readonly rsi: Rsi;
  private readonly atr: Atr;
  private readonly prevRsi = new PerSymbol(Number.NaN);
  private readonly extreme = new PerSymbol(50);

  constructor(private readonly p: RsiReversalParams) {
    this.rsi = new Rsi(p.period);
    this.atr = new Atr(p.atrPeriod);
    this.warmupBars = Math.max(p.period, p.atrPeriod) + 2;
  }

  next(u: WindowUpdate): Signal | undefined {
    const id = u.bar.symbolId;
    const r = this.rsi.update(id, u.bar.close);
    const a = this.atr.update(u.bar);
    const prev = this.prevRsi.get(id);
    this.prevRsi.set(id, r);
    if (Number.isNaN(r)) return undefined;
    const ext = this.extreme.get(id);
    this.extreme.set(id, r < this.p.oversold ? Math.min(ext, r) : r > this.p.overbought ? Math.max(ext, r) : 50);
    if (Number.isNaN(prev) || Number.isNaN(a)) return undefined;
    // confidence: how deep the excursion went beyond the line, relative to the line's distance from 0 or 100
    if (prev < this.p.oversold && r >= this.p.oversold) return makeSignal('rsi-reversal', u, 'BUY', u.bar.close - this.p.atrStopMult * a, this.p.rewardRisk, 0.3 + (this.p.oversold - ext) / this.p.oversold);
    if (prev > this.p.overbought && r <= this.p.overbought) return makeSignal('rsi-reversal', u, 'SELL', u.bar.close + this.p.atrStopMult * a, this.p.rewardRisk, 0.3 + (ext - this.p.overbought) / (100 - this.p.overbought));
    return undefined;
  }
}
