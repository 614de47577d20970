import { type OrderIntent, type Side, epochMs, paise, qty } from '../../src/core/index.js';
import { OrderActivity, type PositionView, type RiskContext } from '../../src/risk/index.js';
import { ist, rupees } from '../support/builders.js';

/** A context where every check passes: 10:00 IST, ACTIVE, no positions, last price ₹100 for every symbol. */
export const riskContext = (o: Partial<RiskContext> = {}): RiskContext => ({
  nowMs: ist('10:00'), tradingState: 'ACTIVE', entriesOpen: true, isSymbolBusy: () => false, position: () => undefined,
  openPositions: 0, grossExposurePaise: 0, realisedPnlPaise: 0, lastPricePaise: () => rupees(100), activity: new OrderActivity(300), ...o,
});

/** A BUY of 100 shares of A at ₹100 (stop ₹98, target ₹104) from scanner `scn`. */
export const intent = (o: Partial<Omit<OrderIntent, 'qty' | 'entry'>> & { qty?: number; entry?: number } = {}): OrderIntent => ({
  signalId: 'scn:A:1', scannerId: 'scn', symbol: 'A', symbolId: 0, side: 'BUY', target: rupees(104), stopLoss: rupees(98),
  atMs: epochMs(ist('10:00')), ...o, qty: qty(o.qty ?? 100), entry: paise(o.entry ?? rupees(100)),
});

export const position = (side: Side, n: number, avgRupees = 100): PositionView => ({ side, qty: n, avgPrice: rupees(avgRupees) });

/** Activity holding `n` intents of scanner `scn` on symbol 0, the latest at `lastMs`, `stepMs` apart. */
export const activityWith = (n: number, lastMs: number, stepMs = 0, side: Side = 'BUY'): OrderActivity => {
  const a = new OrderActivity(300);
  for (let i = n - 1; i >= 0; i--) a.record('scn', 0, side, lastMs - i * stepMs);
  return a;
};
