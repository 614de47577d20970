import { describe, expect, it } from 'vitest';
import { type Signal, epochMs } from '../../src/core/index.js';
import { type RiskContext, RiskGate, riskConfigSchema } from '../../src/risk/index.js';
import { ist, rupees } from '../support/builders.js';

const config = riskConfigSchema.parse({ capitalPaise: 10_000_000, riskPerTradePct: 1, intradayLeverage: 5, maxPositionNotionalPct: 50, maxOpenPositions: 2 });
const signal = (o: Partial<Signal> = {}): Signal => ({
  id: 's1', scannerId: 'scn', symbol: 'A', symbolId: 0, side: 'BUY', entry: rupees(100), target: rupees(104), stopLoss: rupees(98),
  confidence: 0.5, atMs: epochMs(ist('10:00')), ...o,
});
const ctx = (o: Partial<RiskContext> = {}): RiskContext => ({
  nowMs: ist('10:00'), entriesOpen: true, isSymbolBusy: () => false, openPositions: 0, marginUsedPaise: 0, ...o,
});

describe('RiskGate', () => {
  const gate = new RiskGate(config);

  it('sizes by risk per trade: 1% of ₹1,00,000 over a ₹2 stop gives 500 shares', () => {
    expect(gate.evaluate(signal(), ctx())).toMatchObject({ kind: 'intent', intent: { qty: 500 } });
  });

  it('caps the size by the per-position notional of the leveraged capital', () => {
    const tight = signal({ stopLoss: rupees(99.95) });
    expect(gate.evaluate(tight, ctx()), '₹1L × 5 × 50% / ₹100 = 2500 shares').toMatchObject({ intent: { qty: 2500 } });
  });

  it.each([
    ['RISK_TRADING_WINDOW', ctx({ entriesOpen: false })],
    ['RISK_POSITION_EXISTS', ctx({ isSymbolBusy: (id) => id === 0 })],
    ['RISK_MAX_OPEN_POSITIONS', ctx({ openPositions: 2 })],
    ['RISK_CAPITAL', ctx({ marginUsedPaise: 9_500_000 })],
  ])('denies with %s', (code, c) => {
    expect(gate.evaluate(signal(), c)).toMatchObject({ kind: 'denied', denial: { code, signalId: 's1' } });
  });

  it('allows one below the open-position limit and within capital', () => {
    expect(gate.evaluate(signal(), ctx({ openPositions: 1, marginUsedPaise: 9_000_000 })).kind).toBe('intent');
  });

  it('reports the first failing check when several fail', () => {
    expect(gate.evaluate(signal(), ctx({ entriesOpen: false, openPositions: 9 }))).toMatchObject({ denial: { code: 'RISK_TRADING_WINDOW' } });
  });

  it('denies a signal whose stop equals its entry as a zero-size position', () => {
    expect(gate.evaluate(signal({ stopLoss: rupees(100) }), ctx())).toMatchObject({ denial: { code: 'RISK_QTY_ZERO' } });
  });
});
