import { describe, expect, it } from 'vitest';
import { type Signal, epochMs } from '../../src/core/index.js';
import { RISK_DENY_CODES, type RiskConfig, RiskGate, riskConfigSchema } from '../../src/risk/index.js';
import { gateChecks } from '../../src/risk/gate-checks.js';
import { ist, rupees } from '../support/builders.js';
import { activityWith, position, riskContext as ctx } from './risk-context.js';

const config = riskConfigSchema.parse({ capitalPaise: 10_000_000, riskPerTradePct: 1, intradayLeverage: 5, maxPositionNotionalPct: 50, maxOpenPositions: 2 });
const signal = (o: Partial<Signal> = {}): Signal => ({
  id: 's1', scannerId: 'scn', symbol: 'A', symbolId: 0, side: 'BUY', entry: rupees(100), target: rupees(104), stopLoss: rupees(98),
  confidence: 0.5, atMs: epochMs(ist('10:00')), ...o,
});
const withChecks = (edit: (c: Record<string, any>) => void): RiskConfig => {
  const raw = structuredClone(config) as Record<string, any>;
  edit(raw);
  return riskConfigSchema.parse(raw);
};

describe('RiskGate', () => {
  const gate = new RiskGate(config);

  it('sizes by risk per trade: 1% of ₹1,00,000 over a ₹2 stop gives 500 shares', () => {
    expect(gate.evaluate(signal(), ctx())).toMatchObject({ kind: 'intent', intent: { qty: 500 } });
  });

  it('caps the size by the per-position notional of the leveraged capital', () => {
    const tight = signal({ stopLoss: rupees(99.95) });
    expect(gate.evaluate(tight, ctx()), '₹1L × 5 × 50% / ₹100 = 2500 shares').toMatchObject({ intent: { qty: 2500 } });
  });

  it('puts the stop and target on the tick toward the entry and sizes from the rounded stop', () => {
    const r = gate.evaluate(signal({ stopLoss: rupees(97.97), target: rupees(104.04) }), ctx());
    expect(r).toMatchObject({ kind: 'intent', intent: { stopLoss: rupees(98), target: rupees(104), qty: 500 } });
    const sell = gate.evaluate(signal({ side: 'SELL', stopLoss: rupees(102.03), target: rupees(95.96) }), ctx());
    expect(sell).toMatchObject({ kind: 'intent', intent: { stopLoss: rupees(102), target: rupees(96) } });
  });

  it.each([
    ['RISK_STATE_HALTED', ctx({ tradingState: 'HALTED' })],
    ['RISK_STATE_REDUCING', ctx({ tradingState: 'REDUCING' })],
    ['RISK_TRADING_WINDOW', ctx({ entriesOpen: false })],
    ['RISK_DUPLICATE', ctx({ activity: activityWith(1, ist('09:59')) })],
    ['RISK_COOLDOWN', ctx({ activity: activityWith(1, ist('09:59'), 0, 'SELL') })],
    ['RISK_PRICE_BAND', ctx({ lastPricePaise: () => rupees(90) })],
    ['RISK_POSITION_EXISTS', ctx({ isSymbolBusy: (id) => id === 0 })],
    ['RISK_MAX_OPEN_POSITIONS', ctx({ openPositions: 2 })],
    ['RISK_GROSS_EXPOSURE', ctx({ grossExposurePaise: 47_500_000 })],
    ['RISK_CAPITAL', ctx({ grossExposurePaise: 40_000_000, realisedPnlPaise: -2_000_000 })],
  ])('denies with %s', (code, c) => {
    expect(gate.evaluate(signal(), c)).toMatchObject({ kind: 'denied', denial: { code, signalId: 's1', scannerId: 'scn', symbol: 'A' } });
  });

  it('allows one below the open-position limit and within capital', () => {
    expect(gate.evaluate(signal(), ctx({ openPositions: 1, grossExposurePaise: 45_000_000 })).kind).toBe('intent');
  });

  it('reports the first failing check when several fail', () => {
    expect(gate.evaluate(signal(), ctx({ entriesOpen: false, openPositions: 9 }))).toMatchObject({ denial: { code: 'RISK_TRADING_WINDOW' } });
    expect(gate.evaluate(signal(), ctx({ tradingState: 'HALTED', entriesOpen: false }))).toMatchObject({ denial: { code: 'RISK_STATE_HALTED' } });
  });

  it('checks the trading state before sizing', () => {
    expect(gate.evaluate(signal({ stopLoss: rupees(100) }), ctx({ tradingState: 'HALTED' }))).toMatchObject({ denial: { code: 'RISK_STATE_HALTED' } });
  });

  it('denies a signal whose stop equals its entry as a zero-size position', () => {
    expect(gate.evaluate(signal({ stopLoss: rupees(100) }), ctx())).toMatchObject({ denial: { code: 'RISK_QTY_ZERO' } });
    expect(gate.evaluate(signal({ stopLoss: rupees(99.97) }), ctx()), 'a stop within a tick rounds onto the entry').toMatchObject({ denial: { code: 'RISK_QTY_ZERO' } });
  });

  it('runs the checks in the order of RISK_DENY_CODES (docs/risk.md): state, size, then every configured check', () => {
    const all = withChecks((c) => (c.checks.freezeQty.defaultQty = 1_000));
    const ids = gateChecks(all).map((c) => c.id as string);
    expect(['RISK_STATE_HALTED', 'RISK_STATE_REDUCING', 'RISK_QTY_ZERO', ...ids]).toEqual([...RISK_DENY_CODES]);
  });

  it('skips a check that is switched off', () => {
    const off = new RiskGate(withChecks((c) => (c.checks.tradingWindow.enabled = false)));
    expect(off.evaluate(signal(), ctx({ entriesOpen: false })).kind).toBe('intent');
  });

  it('denies the order that would exceed the per-second rate and passes again a second later', () => {
    const g = new RiskGate(withChecks((c) => {
      c.checks.cooldown.enabled = false;
      c.checks.duplicate.enabled = false;
      c.checks.orderRate.perSecond = 2;
    }));
    const a = activityWith(2, ist('10:00'));
    expect(g.evaluate(signal(), ctx({ activity: a }))).toMatchObject({ denial: { code: 'RISK_ORDERS_PER_SECOND' } });
    expect(g.evaluate(signal(), ctx({ activity: a, nowMs: ist('10:00') + 1_000 })).kind).toBe('intent');
  });

  it('allows an order that shrinks a position while REDUCING up to the gate\'s position rule', () => {
    const reducing = ctx({ tradingState: 'REDUCING', position: () => position('SELL', 10_000), isSymbolBusy: () => true });
    expect(gate.evaluate(signal(), reducing), 'the state passes it; one position per symbol then decides').toMatchObject({ denial: { code: 'RISK_POSITION_EXISTS' } });
  });
});
