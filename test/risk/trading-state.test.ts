import { describe, expect, it } from 'vitest';
import { tradingStateCheck } from '../../src/risk/checks/trading-state-check.js';
import { type TradingState, stricterState } from '../../src/risk/trading-state.js';
import { intent, position, riskContext } from './risk-context.js';

describe('tradingStateCheck', () => {
  const long = () => position('BUY', 100);
  it.each<[string, TradingState, Parameters<typeof intent>[0], ReturnType<typeof position> | undefined, string | undefined]>([
    ['ACTIVE allows a new position', 'ACTIVE', {}, undefined, undefined],
    ['ACTIVE allows adding to a position', 'ACTIVE', {}, long(), undefined],
    ['REDUCING allows selling part of a long', 'REDUCING', { side: 'SELL', qty: 40 }, long(), undefined],
    ['REDUCING allows closing a long exactly', 'REDUCING', { side: 'SELL', qty: 100 }, long(), undefined],
    ['REDUCING denies selling past the long (a flip)', 'REDUCING', { side: 'SELL', qty: 101 }, long(), 'RISK_STATE_REDUCING'],
    ['REDUCING denies adding to a long', 'REDUCING', { side: 'BUY', qty: 1 }, long(), 'RISK_STATE_REDUCING'],
    ['REDUCING denies opening a position', 'REDUCING', { side: 'SELL', qty: 1 }, undefined, 'RISK_STATE_REDUCING'],
    ['REDUCING allows buying back part of a short', 'REDUCING', { side: 'BUY', qty: 10 }, position('SELL', 50), undefined],
    ['HALTED denies a new position', 'HALTED', {}, undefined, 'RISK_STATE_HALTED'],
    ['HALTED denies even an order that shrinks a position', 'HALTED', { side: 'SELL', qty: 40 }, long(), 'RISK_STATE_HALTED'],
  ])('%s', (_name, state, i, p, code) => {
    const d = tradingStateCheck.check(intent(i), riskContext({ tradingState: state, position: () => p }));
    if (code === undefined) expect(d).toEqual({ ok: true });
    else expect(d).toMatchObject({ ok: false, code });
  });

  it('orders the states ACTIVE < REDUCING < HALTED', () => {
    expect(stricterState('ACTIVE', 'REDUCING')).toBe('REDUCING');
    expect(stricterState('HALTED', 'REDUCING')).toBe('HALTED');
    expect(stricterState('REDUCING', 'ACTIVE')).toBe('REDUCING');
  });
});
