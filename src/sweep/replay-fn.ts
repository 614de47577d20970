import type { EngineConfig } from '../config/index.js';
import type { BarCache, BarRange, DuckDbStore, RunResults } from '../store/index.js';

/** What a replay is asked to run (the composition root's replay request extends it). */
export interface ReplayJobRequest {
  readonly store: DuckDbStore;
  readonly range: BarRange;
  readonly config: Readonly<EngineConfig>;
  readonly runId: string;
  /** Wall-clock seconds, for throughput only (never for decisions). */
  readonly wallSeconds: () => number;
  readonly writeResults: boolean;
  /** Bars of earlier runs over the same range (a sweep thread's); without it the bars are read from the store. */
  readonly barCache?: BarCache;
}

/**
 * The replay a sweep job runs, injected by the composition root (src/app/compose-replay.ts `runReplay` satisfies
 * it): a worker thread imports it from the module URL it is given, so src/sweep never imports src/app.
 */
export type ReplayFn = (req: ReplayJobRequest) => Promise<{ readonly fingerprint: string; readonly results: RunResults }>;

/** The export a replay module must have. */
export const REPLAY_EXPORT = 'runReplay';
