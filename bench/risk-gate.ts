import { type Signal, epochMs, istTimeOnDay, paise, parseIstDate } from '../src/core/index.js';
import { OrderActivity, type RiskConfig, type RiskContext, RiskGate, riskConfigSchema } from '../src/risk/index.js';

const SYMBOLS = 500;
const SCANNERS = ['ema-crossover', 'opening-range-breakout', 'rsi-reversal', 'supertrend', 'volume-spike', 'vwap-cross'];
const WARMUP = 200_000;
const RUNS = 1_000_000;

/** Every check on (a freeze quantity too), with the default limits. */
const everyCheckOn = (): RiskConfig => riskConfigSchema.parse({ checks: { freezeQty: { defaultQty: 100_000, bySymbol: { S7: 50_000 } } } });

const signals = (now: number): Signal[] =>
  Array.from({ length: 4096 }, (_, i) => {
    const entry = 10_000 + (i % 97) * 5;
    const side = i % 2 === 0 ? 'BUY' : 'SELL';
    const risk = 40 + (i % 13) * 5;
    return {
      id: `s${i}`, scannerId: SCANNERS[i % SCANNERS.length] ?? 'x', symbol: `S${i % SYMBOLS}`, symbolId: i % SYMBOLS, side,
      entry: paise(entry), stopLoss: paise(side === 'BUY' ? entry - risk : entry + risk), target: paise(side === 'BUY' ? entry + 2 * risk : entry - 2 * risk),
      confidence: 0.5, atMs: epochMs(now),
    };
  });

/** A context as the graph builds it (getters over live state), with history in every map and ring the checks read. */
const context = (now: number): RiskContext => {
  const activity = OrderActivity.forConfig(everyCheckOn());
  for (let i = 0; i < 300; i++) activity.record(SCANNERS[i % SCANNERS.length] ?? 'x', i % SYMBOLS, 'BUY', now - 3_600_000 + i);
  const prices = Array.from({ length: SYMBOLS }, () => 10_200);
  const state = { open: 2, gross: 20_000_000 };
  return {
    get nowMs() { return now; },
    get tradingState() { return 'ACTIVE' as const; },
    get entriesOpen() { return true; },
    isSymbolBusy: (id) => id >= SYMBOLS,
    position: () => undefined,
    get openPositions() { return state.open; },
    get grossExposurePaise() { return state.gross; },
    get realisedPnlPaise() { return 0; },
    lastPricePaise: (id) => prices[id],
    activity,
  };
};

/** Nanoseconds per signal through the risk gate with every check on, each one passing (the full path). */
export async function benchRiskGate(): Promise<number> {
  const now = istTimeOnDay(parseIstDate('2025-01-06'), 11 * 60);
  const gate = new RiskGate(everyCheckOn());
  const ctx = context(now);
  const list = signals(now);
  const mask = list.length - 1;
  let sink = 0;
  for (let i = 0; i < WARMUP; i++) {
    const r = gate.evaluate(list[i & mask] as Signal, ctx);
    if (r.kind !== 'intent') throw new Error(`bench signal denied: ${r.denial.code} ${r.denial.reason}`);
    sink += r.intent.qty;
  }
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < RUNS; i++) {
    const r = gate.evaluate(list[i & mask] as Signal, ctx);
    if (r.kind === 'intent') sink += r.intent.qty;
  }
  const ns = Number(process.hrtime.bigint() - t0) / RUNS;
  if (sink <= 0) throw new Error('no intents');
  return ns;
}
