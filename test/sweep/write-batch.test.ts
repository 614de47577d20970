import { describe, expect, it } from 'vitest';
import type { SweepRunWrite } from '../../src/store/index.js';
import { SWEEP_WRITE_MAX_RUNS, SWEEP_WRITE_SECONDS, WriteBatch } from '../../src/sweep/write-batch.js';

const run = (n: number): SweepRunWrite => ({ tag: { sweepId: 'sw-1', combinationId: `c${n}` } } as unknown as SweepRunWrite);

describe('WriteBatch', () => {
  it('is due once its runs add up to SWEEP_WRITE_SECONDS of replay time, not before', () => {
    const b = new WriteBatch();
    expect(b.add(run(1), SWEEP_WRITE_SECONDS * 0.4)).toBe(false);
    expect(b.add(run(2), SWEEP_WRITE_SECONDS * 0.4)).toBe(false);
    expect(b.add(run(3), SWEEP_WRITE_SECONDS * 0.4)).toBe(true);
    expect(b.take().map((r) => r.tag.combinationId)).toEqual(['c1', 'c2', 'c3']);
    expect(b.size).toBe(0);
    expect(b.add(run(4), SWEEP_WRITE_SECONDS * 0.4), 'take() starts the seconds again').toBe(false);
  });

  it('writes a long replay as soon as it finishes', () => {
    expect(new WriteBatch().add(run(1), SWEEP_WRITE_SECONDS * 30)).toBe(true);
  });

  it('is due at SWEEP_WRITE_MAX_RUNS runs however short, and counts a missing or bad time as none', () => {
    const b = new WriteBatch();
    const times = [0, Number.NaN, -5, undefined as unknown as number];
    for (let i = 1; i < SWEEP_WRITE_MAX_RUNS; i++) expect(b.add(run(i), times[i % times.length]!)).toBe(false);
    expect(b.add(run(SWEEP_WRITE_MAX_RUNS), 0)).toBe(true);
    expect(b.take()).toHaveLength(SWEEP_WRITE_MAX_RUNS);
  });
});
