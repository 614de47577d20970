import type { EngineConfig } from '../config/index.js';
import type { StoredSweepRun, SweepRunTag } from '../store/index.js';
import type { GridSpec } from './grid-spec.js';
import { type MetricName, rankBy, runMetrics } from './metrics.js';
import { type PlannedCombination, jobOf, planSweep, runIdOf } from './plan-sweep.js';
import type { JobExecutor, JobOutcome, JobResult, ReplayJob } from './replay-job.js';
import type { ResultStore } from './result-store.js';
import { type Fold, type PhaseSummary, summarisePhase, walkForwardFolds } from './walk-forward.js';

export type SweepRow = StoredSweepRun;

export interface FoldReport extends Fold {
  readonly best: SweepRow | undefined;
  readonly test: Fold['test'] & { readonly run: SweepRow | undefined };
}

export interface SweepReport {
  readonly sweepId: string;
  readonly metric: MetricName;
  readonly combinations: number;
  /** Replays run now, and replays found already recorded (a re-run does not recompute them). */
  readonly ran: number;
  readonly reused: number;
  readonly failures: readonly { readonly runId: string; readonly error: string }[];
  /** Plain sweep: every combination's run, best first. Walk-forward: empty. */
  readonly ranking: readonly SweepRow[];
  readonly walkForward?: { readonly folds: readonly FoldReport[]; readonly inSample: PhaseSummary; readonly outOfSample: PhaseSummary };
}

export interface RunSweepOptions {
  readonly spec: GridSpec;
  readonly baseConfig: Readonly<EngineConfig>;
  readonly executor: JobExecutor;
  readonly results: ResultStore;
  readonly metric?: MetricName;
  readonly onProgress?: (done: number, total: number) => void;
}

const tagOf = (r: JobResult): SweepRunTag & { runId: string } => ({
  runId: r.job.runId, sweepId: r.job.sweepId, combinationId: r.job.combinationId, params: r.job.params, phase: r.job.phase, fold: r.job.fold,
  from: r.job.range.from ?? null, to: r.job.range.to ?? null, fingerprint: r.fingerprint, metrics: { ...runMetrics(r.results) },
});

/** Plans, runs (skipping runs already recorded) and ranks a sweep; walk-forward when the spec asks for it. */
export const runSweep = async (o: RunSweepOptions): Promise<SweepReport> => {
  const metric = o.metric ?? o.spec.metric;
  const plan = planSweep(o.spec, o.baseConfig, await o.results.dataSignature(o.spec.range));
  const rows = new Map((await o.results.done(plan.sweepId)).map((r) => [r.runId, r]));
  const failures: { runId: string; error: string }[] = [];
  let ran = 0;
  let reused = 0;
  let total = 0;
  let finished = 0;
  let writes = Promise.resolve();
  const onDone = (x: JobOutcome): Promise<void> => (writes = writes.then(async () => {
    if (x.ok) {
      const tag = tagOf(x.result);
      await o.results.write(x.result, tag);
      rows.set(tag.runId, tag);
      ran++;
    } else failures.push({ runId: x.job.runId, error: x.error });
    o.onProgress?.(++finished, total);
  }));
  const runAll = async (jobs: readonly ReplayJob[]): Promise<void> => {
    const todo = jobs.filter((j) => !rows.has(j.runId));
    reused += jobs.length - todo.length;
    total += todo.length;
    o.onProgress?.(finished, total);
    if (todo.length > 0) await o.executor.run(todo, onDone);
    await writes;
  };
  const base = { sweepId: plan.sweepId, metric, combinations: plan.combinations.length };
  const wf = o.spec.walkForward;
  if (wf === undefined) {
    await runAll(plan.combinations.map((c) => jobOf(plan.sweepId, c, 'full', null, o.spec.range)));
    await o.results.finish();
    const runs = plan.combinations.map((c) => rows.get(runIdOf(plan.sweepId, c, 'full', null))).filter((r) => r !== undefined);
    return { ...base, ran, reused, failures, ranking: rankBy(runs, metric) };
  }
  const folds = walkForwardFolds(await o.results.tradingDates(o.spec.range), wf);
  const window = (w: { from: string; to: string }) => ({ ...o.spec.range, from: w.from, to: w.to });
  await runAll(folds.flatMap((f) => plan.combinations.map((c) => jobOf(plan.sweepId, c, 'train', f.index, window(f.train)))));
  const bestOf = (f: Fold): PlannedCombination | undefined => {
    const trained = plan.combinations.flatMap((c) => {
      const r = rows.get(runIdOf(plan.sweepId, c, 'train', f.index));
      return r === undefined ? [] : [{ c, metrics: r.metrics }];
    });
    return rankBy(trained, metric)[0]?.c;
  };
  const best = folds.map(bestOf);
  await runAll(folds.flatMap((f, i) => {
    const c = best[i];
    return c === undefined ? [] : [jobOf(plan.sweepId, c, 'test', f.index, window(f.test))];
  }));
  await o.results.finish();
  const reports: FoldReport[] = folds.map((f, i) => {
    const c = best[i];
    const get = (phase: 'train' | 'test') => (c === undefined ? undefined : rows.get(runIdOf(plan.sweepId, c, phase, f.index)));
    return { ...f, best: get('train'), test: { ...f.test, run: get('test') } };
  });
  const defined = <T>(x: T | undefined): x is T => x !== undefined;
  return {
    ...base, ran, reused, failures, ranking: [],
    walkForward: {
      folds: reports,
      inSample: summarisePhase(reports.map((f) => f.best).filter(defined), metric),
      outOfSample: summarisePhase(reports.map((f) => f.test.run).filter(defined), metric),
    },
  };
};
