import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../support/replay-fixture.js';
import { SweepError, expandGrid, parseGrid, planSweep, rankBy } from '../../src/sweep/index.js';
import { walkForwardFolds } from '../../src/sweep/walk-forward.js';

const YAML = `
scanners.ema-crossover.params.fast: [5, 8, 13]
risk.riskPerTradePct: [0.25, 0.5]
from: '2025-01-06'
to: '2025-01-09'
symbols: [AAA, BBB]
metric: sharpe
top: 3
`;

const refusal = (fn: () => unknown): SweepError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof SweepError) return e;
    throw e;
  }
  throw new Error('expected a SweepError');
};

describe('parseGrid', () => {
  it('reads dotted config paths, the range and the metric from YAML', () => {
    const g = parseGrid(YAML);
    expect(g.params).toEqual([{ path: 'scanners.ema-crossover.params.fast', values: [5, 8, 13] }, { path: 'risk.riskPerTradePct', values: [0.25, 0.5] }]);
    expect(g.range).toEqual({ from: '2025-01-06', to: '2025-01-09', symbols: ['AAA', 'BBB'] });
    expect(g).toMatchObject({ metric: 'sharpe', top: 3 });
  });

  it('reads the same grid from JSON, with params and range sections', () => {
    const g = parseGrid(JSON.stringify({ params: { 'scanners.ema-crossover.params.fast': [5, 8, 13], 'risk.riskPerTradePct': [0.25, 0.5] }, range: { from: '2025-01-06', to: '2025-01-09', symbols: ['AAA', 'BBB'] }, metric: 'sharpe', top: 3 }));
    expect(g).toEqual(parseGrid(YAML));
  });

  it('refuses an unknown key, a bad metric, an empty list and a repeated value with the key named', () => {
    expect(refusal(() => parseGrid('fast: [1, 2]')).message).toMatch(/unknown key "fast"/);
    expect(refusal(() => parseGrid('risk.riskPerTradePct: [1]\nmetric: luck')).message).toMatch(/metric: expected one of/);
    expect(refusal(() => parseGrid('risk.riskPerTradePct: []')).message).toMatch(/risk\.riskPerTradePct: empty list/);
    expect(refusal(() => parseGrid('risk.riskPerTradePct: [1, 1]')).message).toMatch(/risk\.riskPerTradePct: a value is listed twice/);
    expect(refusal(() => parseGrid('risk.riskPerTradePct: [1]\nwalkForward: { train: 0, test: 1 }')).code).toBe('SWEEP_GRID_INVALID');
  });
});

describe('expandGrid', () => {
  it('expands in a stable order (first key slowest) with ids that depend only on the params', () => {
    const combos = expandGrid(parseGrid(YAML).params);
    expect(combos.map((c) => Object.values(c.params))).toEqual([[5, 0.25], [5, 0.5], [8, 0.25], [8, 0.5], [13, 0.25], [13, 0.5]]);
    expect(new Set(combos.map((c) => c.id)).size).toBe(6);
    const swapped = expandGrid([{ path: 'risk.riskPerTradePct', values: [0.5] }, { path: 'scanners.ema-crossover.params.fast', values: [8] }]);
    expect(swapped[0]?.id).toBe(combos[3]?.id);
    expect(expandGrid(parseGrid(YAML).params).map((c) => c.id)).toEqual(combos.map((c) => c.id));
  });
});

describe('planSweep', () => {
  it('validates every combination like a config file and gives each its own frozen config', () => {
    const plan = planSweep(parseGrid(YAML), defaultConfig());
    expect(plan.sweepId).toMatch(/^sw-[0-9a-f]{12}$/);
    expect(plan.combinations[2]?.config.scanners['ema-crossover']?.params).toMatchObject({ fast: 8 });
    expect(plan.combinations[2]?.config.risk.riskPerTradePct).toBe(0.25);
    expect(Object.isFrozen(plan.combinations[2]?.config.risk)).toBe(true);
    expect(planSweep(parseGrid(YAML), defaultConfig()).sweepId).toBe(plan.sweepId);
  });

  it('refuses a bad grid key with its config path', () => {
    const unknown = refusal(() => planSweep(parseGrid('scanners.ema-crossover.params.fastt: [5]'), defaultConfig()));
    expect(unknown.code).toBe('SWEEP_COMBINATION_INVALID');
    expect(unknown.message).toMatch(/scanners\.ema-crossover\.params/);
    expect(unknown.message).toMatch(/fastt/);
    expect(refusal(() => planSweep(parseGrid('risk.riskPerTradePct: [0.5, -1]'), defaultConfig())).message).toMatch(/risk\.riskPerTradePct/);
    expect(refusal(() => planSweep(parseGrid('risk.nope.x: [1]'), defaultConfig())).message).toMatch(/risk/);
    expect(refusal(() => planSweep(parseGrid('mode.x: [1]'), defaultConfig())).message).toMatch(/grid key mode\.x: mode is not a section/);
  });
});

describe('walkForwardFolds', () => {
  const days = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'];
  it('rolls train and test windows forward by step, whole test windows only', () => {
    expect(walkForwardFolds(days, { train: 3, test: 2, step: 2 })).toEqual([
      { index: 0, train: { from: 'd1', to: 'd3' }, test: { from: 'd4', to: 'd5' } },
      { index: 1, train: { from: 'd3', to: 'd5' }, test: { from: 'd6', to: 'd7' } },
    ]);
  });
  it('refuses a range shorter than one train and test window', () => {
    expect(refusal(() => walkForwardFolds(days.slice(0, 4), { train: 3, test: 2, step: 2 })).code).toBe('SWEEP_NOT_ENOUGH_DAYS');
  });
});

describe('rankBy', () => {
  it('puts the best first by the metric direction, missing values last, ties in given order', () => {
    const rows = [{ n: 'a', metrics: { max_drawdown: 0.2 } }, { n: 'b', metrics: { max_drawdown: null } }, { n: 'c', metrics: { max_drawdown: 0.1 } }, { n: 'd', metrics: { max_drawdown: 0.1 } }];
    expect(rankBy(rows, 'max_drawdown').map((r) => r.n)).toEqual(['c', 'd', 'a', 'b']);
    expect(rankBy(rows.map((r) => ({ ...r, metrics: { sharpe: r.metrics.max_drawdown } })), 'sharpe').map((r) => r.n)).toEqual(['a', 'c', 'd', 'b']);
  });
});
