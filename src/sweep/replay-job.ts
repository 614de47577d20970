import type { EngineConfig } from '../config/index.js';
import type { RunResults } from '../store/index.js';
import type { GridRange, GridValue } from './grid-spec.js';

export type SweepPhase = 'full' | 'train' | 'test';

/** One replay of a sweep: plain data, so it crosses a thread boundary or a queue unchanged. */
export interface ReplayJob {
  readonly sweepId: string;
  /** The run id written to backtest_runs: `<sweepId>-<combinationId>` (walk-forward: `-f<fold>-<phase>` too). */
  readonly runId: string;
  readonly combinationId: string;
  readonly params: Readonly<Record<string, GridValue>>;
  readonly phase: SweepPhase;
  readonly fold: number | null;
  readonly range: GridRange;
  /** The validated config of this combination, as plain JSON (re-validated where it runs). */
  readonly config: EngineConfig;
}

/** What a finished job sends back to the one writer. */
export interface JobResult {
  readonly job: ReplayJob;
  readonly fingerprint: string;
  readonly results: RunResults;
  /** Wall seconds the replay took where it ran (batches the writes; never part of the results). */
  readonly seconds: number;
}

export type JobOutcome = { readonly ok: true; readonly result: JobResult } | { readonly ok: false; readonly job: ReplayJob; readonly error: string };

/** Runs jobs somewhere (worker threads, or a BullMQ queue) and reports each as it finishes. */
export interface JobExecutor {
  run(jobs: readonly ReplayJob[], onDone: (o: JobOutcome) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}
