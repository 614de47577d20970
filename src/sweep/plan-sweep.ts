import type { EngineConfig } from '../config/index.js';
import { combinationConfig } from './combination-config.js';
import { type Combination, expandGrid } from './expand-grid.js';
import type { GridRange, GridSpec } from './grid-spec.js';
import type { ReplayJob, SweepPhase } from './replay-job.js';
import { stableHash } from './stable-hash.js';

export interface PlannedCombination extends Combination {
  readonly config: Readonly<EngineConfig>;
}

export interface SweepPlan {
  /** `sw-` + 12 hex of the grid, range, walk-forward windows, base config and data signature: re-running the same sweep finds its runs. */
  readonly sweepId: string;
  readonly combinations: readonly PlannedCombination[];
}

/**
 * Expands the grid and validates every combination's config before anything runs. `data` identifies the bars of
 * the range, so the same grid over other data is another sweep.
 */
export const planSweep = (spec: GridSpec, base: Readonly<EngineConfig>, data = ''): SweepPlan => {
  const sweepId = `sw-${stableHash({ params: spec.params, range: spec.range, walkForward: spec.walkForward ?? null, config: base, data }).slice(0, 12)}`;
  return { sweepId, combinations: expandGrid(spec.params).map((c) => ({ ...c, config: combinationConfig(base, c) })) };
};

export const runIdOf = (sweepId: string, c: Combination, phase: SweepPhase, fold: number | null): string =>
  phase === 'full' ? `${sweepId}-${c.id}` : `${sweepId}-f${fold ?? 0}-${phase}-${c.id}`;

export const jobOf = (sweepId: string, c: PlannedCombination, phase: SweepPhase, fold: number | null, range: GridRange): ReplayJob => ({
  sweepId, runId: runIdOf(sweepId, c, phase, fold), combinationId: c.id, params: c.params, phase, fold, range,
  config: structuredClone(c.config) as EngineConfig,
});
