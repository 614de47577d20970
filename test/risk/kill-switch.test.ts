import { describe, expect, it } from 'vitest';
import { type KillSwitchConfig, KillSwitch, parseKillSwitchSnapshot, riskConfigSchema } from '../../src/risk/index.js';
import { day } from '../support/builders.js';

const CAPITAL = 100_000_000; // ₹10,00,000
const ksConfig = (o: Partial<KillSwitchConfig> = {}): KillSwitchConfig => ({
  ...riskConfigSchema.parse({}).killSwitch,
  maxDailyLossPaise: null, maxDailyLossPct: null, maxDrawdownPaise: null, maxDrawdownPct: null, reduceAfterConsecutiveLosses: null, ...o,
});
const started = (o: Partial<KillSwitchConfig> = {}): KillSwitch => {
  const k = new KillSwitch(ksConfig(o), CAPITAL);
  k.newSession(day('2025-01-06'));
  return k;
};

describe('KillSwitch daily loss', () => {
  it.each<[string, Partial<KillSwitchConfig>, number, string]>([
    ['rupee limit: a loss one paisa short stays ACTIVE', { maxDailyLossPaise: 1_000_000 }, -999_999, 'ACTIVE'],
    ['rupee limit: a loss at the limit halts', { maxDailyLossPaise: 1_000_000 }, -1_000_000, 'HALTED'],
    ['rupee limit: a loss past the limit halts', { maxDailyLossPaise: 1_000_000 }, -5_000_000, 'HALTED'],
    ['percent limit: 2% of ₹10L less a paisa stays ACTIVE', { maxDailyLossPct: 2 }, -1_999_999, 'ACTIVE'],
    ['percent limit: 2% of ₹10L halts', { maxDailyLossPct: 2 }, -2_000_000, 'HALTED'],
    ['both: the tighter (rupees) decides', { maxDailyLossPct: 2, maxDailyLossPaise: 500_000 }, -500_000, 'HALTED'],
    ['both: the tighter (percent) decides', { maxDailyLossPct: 0.1, maxDailyLossPaise: 5_000_000 }, -100_000, 'HALTED'],
    ['switched off: never halts', { enabled: false, maxDailyLossPaise: 1 }, -50_000_000, 'ACTIVE'],
  ])('%s', (_name, cfg, unrealised, state) => {
    const k = started(cfg);
    const trip = k.markUnrealised(unrealised);
    expect(k.state).toBe(state);
    expect(trip === undefined).toBe(state === 'ACTIVE');
  });

  it('adds realised trades and the open mark into the day P&L', () => {
    const k = started({ maxDailyLossPaise: 1_000_000 });
    expect(k.recordTrade(-600_000)).toBeUndefined();
    expect(k.markUnrealised(-399_999)).toBeUndefined();
    expect(k.markUnrealised(-400_000)).toMatchObject({ state: 'HALTED', code: 'RISK_KILL_DAILY_LOSS', flatten: true });
    expect(k.dayPnlPaise).toBe(-1_000_000);
  });

  it('trips once: later losses report nothing new', () => {
    const k = started({ maxDailyLossPaise: 1_000 });
    expect(k.markUnrealised(-1_000)).toBeDefined();
    expect(k.markUnrealised(-9_000)).toBeUndefined();
    expect(k.recordTrade(-9_000)).toBeUndefined();
    expect(k.state).toBe('HALTED');
  });

  it('asks to flatten only when flattenOnHalt is set', () => {
    expect(started({ maxDailyLossPaise: 1, flattenOnHalt: false }).markUnrealised(-1)).toMatchObject({ state: 'HALTED', flatten: false });
    expect(started({ maxDailyLossPaise: 1, flattenOnHalt: true }).markUnrealised(-1)).toMatchObject({ state: 'HALTED', flatten: true });
  });
});

describe('KillSwitch intraday drawdown', () => {
  it.each<[string, Partial<KillSwitchConfig>, number[], string]>([
    ['a fall from the peak one paisa short stays ACTIVE', { maxDrawdownPaise: 1_000_000 }, [1_500_000, 500_001], 'ACTIVE'],
    ['a fall from the peak at the limit halts, though the day is still up', { maxDrawdownPaise: 1_000_000 }, [1_500_000, 500_000], 'HALTED'],
    ['a fall past the limit halts', { maxDrawdownPaise: 1_000_000 }, [1_500_000, -2_000_000], 'HALTED'],
    ['percent of capital: 3% of ₹10L', { maxDrawdownPct: 3 }, [2_000_000, -1_000_000], 'HALTED'],
    ['the peak starts at zero: a plain loss is a drawdown', { maxDrawdownPaise: 1_000_000 }, [-1_000_000], 'HALTED'],
  ])('%s', (_name, cfg, marks, state) => {
    const k = started(cfg);
    for (const m of marks) k.markUnrealised(m);
    expect(k.state).toBe(state);
    if (state === 'HALTED') expect(k.toSnapshot().code).toMatch(/RISK_KILL_(DRAWDOWN|DAILY_LOSS)/);
  });

  it('tracks the peak of the day P&L', () => {
    const k = started();
    k.recordTrade(300);
    k.markUnrealised(700);
    k.markUnrealised(-200);
    expect([k.peakPnlPaise, k.dayPnlPaise]).toEqual([1_000, 100]);
  });
});

describe('KillSwitch losing streak', () => {
  it.each<[string, number[], string]>([
    ['two losses in a row stay ACTIVE', [-1, -1], 'ACTIVE'],
    ['three losses in a row reduce', [-1, -1, -1], 'REDUCING'],
    ['five losses in a row reduce', [-1, -1, -1, -1, -1], 'REDUCING'],
    ['a win ends a run', [-1, -1, 5, -1, -1], 'ACTIVE'],
    ['a zero trade ends a run', [-1, -1, 0, -1, -1], 'ACTIVE'],
  ])('%s (limit 3)', (_name, trades, state) => {
    const k = started({ reduceAfterConsecutiveLosses: 3 });
    for (const t of trades) k.recordTrade(t);
    expect(k.state).toBe(state);
  });

  it('reports REDUCING without a flatten, and stays REDUCING for the day after a win', () => {
    const k = started({ reduceAfterConsecutiveLosses: 2 });
    k.recordTrade(-1);
    expect(k.recordTrade(-1)).toEqual({ state: 'REDUCING', code: 'RISK_KILL_LOSS_STREAK', reason: expect.any(String), flatten: false });
    k.recordTrade(100);
    expect([k.state, k.consecutiveLosses]).toEqual(['REDUCING', 0]);
  });

  it('escalates from REDUCING to HALTED, never back', () => {
    const k = started({ reduceAfterConsecutiveLosses: 1, maxDailyLossPaise: 1_000 });
    expect(k.recordTrade(-10)?.state).toBe('REDUCING');
    expect(k.recordTrade(-990)?.state).toBe('HALTED');
    expect(k.recordTrade(-1)).toBeUndefined();
    expect(k.state).toBe('HALTED');
  });
});

describe('KillSwitch sessions', () => {
  it('resets at the next IST trading day and not on the same day', () => {
    const k = started({ maxDailyLossPaise: 100, reduceAfterConsecutiveLosses: 2 });
    k.recordTrade(-100);
    expect(k.state).toBe('HALTED');
    expect(k.newSession(day('2025-01-06'))).toBe(false);
    expect(k.state).toBe('HALTED');
    expect(k.newSession(day('2025-01-07'))).toBe(true);
    expect([k.state, k.dayPnlPaise, k.peakPnlPaise, k.consecutiveLosses]).toEqual(['ACTIVE', 0, 0, 0]);
  });

  it('lets an operator set the state; a limit still breached trips again', () => {
    const k = started({ maxDailyLossPaise: 100 });
    k.setState('REDUCING', 'operator');
    expect(k.toSnapshot()).toMatchObject({ state: 'REDUCING', code: 'RISK_KILL_MANUAL', reason: 'operator' });
    k.setState('ACTIVE', '');
    k.markUnrealised(-100);
    expect(k.state).toBe('HALTED');
  });
});

describe('KillSwitch snapshot', () => {
  it('round-trips through JSON with every figure', () => {
    const cfg = ksConfig({ maxDailyLossPaise: 1_000_000, reduceAfterConsecutiveLosses: 3 });
    const k = new KillSwitch(cfg, CAPITAL);
    k.newSession(day('2025-01-06'));
    k.recordTrade(200_000);
    k.recordTrade(-50_000);
    k.recordTrade(-60_000);
    k.markUnrealised(-30_000);
    const snap = k.toSnapshot();
    const parsed = parseKillSwitchSnapshot(JSON.parse(JSON.stringify(snap)));
    expect(parsed).toEqual(snap);
    const back = KillSwitch.fromSnapshot(cfg, CAPITAL, parsed!);
    expect(back.toSnapshot()).toEqual(snap);
    expect([back.dayPnlPaise, back.peakPnlPaise, back.consecutiveLosses]).toEqual([60_000, 200_000, 2]);
  });

  it('keeps a halt across a restart on the same day and clears it on the next', () => {
    const cfg = ksConfig({ maxDailyLossPct: 1 });
    const k = new KillSwitch(cfg, CAPITAL);
    k.newSession(day('2025-01-06'));
    k.markUnrealised(-1_000_000);
    const restarted = KillSwitch.fromSnapshot(cfg, CAPITAL, parseKillSwitchSnapshot(JSON.parse(JSON.stringify(k.toSnapshot())))!);
    restarted.newSession(day('2025-01-06'));
    expect(restarted.state).toBe('HALTED');
    restarted.newSession(day('2025-01-07'));
    expect(restarted.state).toBe('ACTIVE');
  });

  it('continues counting a losing streak after a restart', () => {
    const cfg = ksConfig({ reduceAfterConsecutiveLosses: 3 });
    const k = new KillSwitch(cfg, CAPITAL);
    k.newSession(day('2025-01-06'));
    k.recordTrade(-1);
    k.recordTrade(-1);
    const restarted = KillSwitch.fromSnapshot(cfg, CAPITAL, k.toSnapshot());
    expect(restarted.recordTrade(-1)?.state).toBe('REDUCING');
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'HALTED'],
    ['another version', { ...new KillSwitch(ksConfig(), CAPITAL).toSnapshot(), version: 2 }],
    ['an unknown state', { ...new KillSwitch(ksConfig(), CAPITAL).toSnapshot(), state: 'PAUSED' }],
    ['a missing figure', { ...new KillSwitch(ksConfig(), CAPITAL).toSnapshot(), peakPnlPaise: undefined }],
    ['a negative streak', { ...new KillSwitch(ksConfig(), CAPITAL).toSnapshot(), consecutiveLosses: -1 }],
  ])('refuses %s as a snapshot', (_name, raw) => {
    expect(parseKillSwitchSnapshot(raw)).toBeUndefined();
  });
});
