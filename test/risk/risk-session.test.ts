import { describe, expect, it } from 'vitest';
import type { Fill, Side } from '../../src/core/index.js';
import { type PositionBook, type PositionView, RiskSession, riskConfigSchema } from '../../src/risk/index.js';
import { bar, ist, rupees } from '../support/builders.js';
import { intent } from './risk-context.js';

class FakeBook implements PositionBook {
  readonly open = new Map<number, PositionView>();
  readonly trades: { netPnl: number }[] = [];
  position(id: number) {
    return this.open.get(id);
  }
  openSymbolIds() {
    return [...this.open.keys()].sort((a, b) => a - b);
  }
  hold(id: number, side: Side, qty: number, avgRupees: number): void {
    this.open.set(id, { side, qty, avgPrice: rupees(avgRupees) });
  }
}

const config = (ks: Record<string, unknown>) => riskConfigSchema.parse({ killSwitch: { maxDailyLossPct: null, maxDrawdownPct: null, reduceAfterConsecutiveLosses: null, ...ks } });
const fill = (atMs: number) => ({ atMs, symbolId: 0 }) as Fill;

describe('RiskSession', () => {
  it('records last prices from bars', () => {
    const s = new RiskSession(config({}));
    s.onBar(bar({ start: '10:00', o: 100, h: 101, l: 99, c: 100.5, symbolId: 3 }), new FakeBook());
    expect(s.lastPrices.get(3)).toBe(rupees(100.5));
    expect(s.lastPrices.get(4)).toBeUndefined();
  });

  it('marks held positions at the bar close and halts when the open loss reaches the limit', () => {
    const s = new RiskSession(config({ maxDailyLossPaise: rupees(1_000) }));
    const book = new FakeBook();
    book.hold(0, 'BUY', 100, 100);
    book.hold(1, 'SELL', 50, 200);
    expect(s.onBar(bar({ start: '10:00', o: 100, h: 100, l: 95, c: 95.05, symbolId: 0 }), book)).toBeUndefined();
    const trip = s.onBar(bar({ start: '10:00', o: 200, h: 201, l: 200, c: 200.1, symbolId: 1 }), book);
    expect(trip, '100 × −₹4.95 + 50 × −₹0.10 = −₹500').toBeUndefined();
    expect(s.onBar(bar({ start: '10:01', o: 95, h: 95, l: 90, c: 90.05, symbolId: 0 }), book)).toMatchObject({ state: 'HALTED', code: 'RISK_KILL_DAILY_LOSS' });
    expect(s.tradingState).toBe('HALTED');
  });

  it('ignores bars of symbols not held', () => {
    const s = new RiskSession(config({ maxDailyLossPaise: 1 }));
    expect(s.onBar(bar({ start: '10:00', o: 1, h: 1, l: 1, c: 1 }), new FakeBook())).toBeUndefined();
  });

  it('counts each closed trade once as realised and reduces after a losing streak', () => {
    const s = new RiskSession(config({ reduceAfterConsecutiveLosses: 2 }));
    const book = new FakeBook();
    book.trades.push({ netPnl: -5 });
    expect(s.onFill(fill(ist('10:00')), book)).toBeUndefined();
    expect(s.onFill(fill(ist('10:01')), book), 'the same trade again is not a second loss').toBeUndefined();
    book.trades.push({ netPnl: -5 });
    expect(s.onFill(fill(ist('10:02')), book)).toMatchObject({ state: 'REDUCING' });
    expect(s.killSwitch.dayPnlPaise).toBe(-10);
  });

  it('reports the halt when one fill closes trades that both reduce and halt', () => {
    const s = new RiskSession(config({ reduceAfterConsecutiveLosses: 1, maxDailyLossPaise: 100 }));
    const book = new FakeBook();
    book.trades.push({ netPnl: -10 }, { netPnl: -90 });
    expect(s.onFill(fill(ist('10:00')), book)).toMatchObject({ state: 'HALTED' });
  });

  it('starts a new session on the first bar or fill of the next IST day', () => {
    const s = new RiskSession(config({ maxDailyLossPaise: 100 }));
    const book = new FakeBook();
    s.onBar(bar({ start: '15:29', o: 1, h: 1, l: 1, c: 1 }), book);
    book.trades.push({ netPnl: -100 });
    s.onFill(fill(ist('15:29')), book);
    expect(s.tradingState).toBe('HALTED');
    s.onBar(bar({ start: '15:29', o: 1, h: 1, l: 1, c: 1, symbolId: 1 }), book);
    expect(s.tradingState, 'a bar closing at 15:30 belongs to the same day').toBe('HALTED');
    s.onBar(bar({ start: '09:15', o: 1, h: 1, l: 1, c: 1, date: '2025-01-07' }), book);
    expect(s.tradingState).toBe('ACTIVE');
  });

  it('records passed intents for cooldown and rates by clock time', () => {
    const s = new RiskSession(config({}));
    s.onIntent(intent(), ist('10:05'));
    expect(s.activity.lastIntent('scn', 0)).toEqual({ atMs: ist('10:05'), side: 'BUY' });
    expect(s.activity.nthLatestMs(1)).toBe(ist('10:05'));
  });
});
