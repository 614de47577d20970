import type { JobResult, ReplayJob } from './replay-job.js';

/** What a replay thread is started with (workerData). */
export interface ReplayThreadData {
  readonly db: string;
  /** URL of a module exporting `runReplay` (a ReplayFn). */
  readonly replayModule: string;
  /** Keep one read-only store open for the thread's life (thread mode) or open one per job (queue workers). */
  readonly holdStore: boolean;
  /** DuckDB threads per store: replays run side by side, so each store gets a share of the cores. */
  readonly duckdbThreads: number;
  /** Bars a holding thread keeps from one job to the next (0: none); see BarCache. */
  readonly cacheBars: number;
}

export type ToThread = { readonly kind: 'job'; readonly job: ReplayJob } | { readonly kind: 'close' };

export type FromThread =
  | { readonly kind: 'ready' }
  | { readonly kind: 'done'; readonly result: JobResult }
  | { readonly kind: 'failed'; readonly error: string; readonly fatal: boolean };
