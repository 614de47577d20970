import type { EngineConfig } from '../config/index.js';
import type { BarCache, BarRange, DuckDbStore, RunResults } from '../store/index.js';

/**
 * The replay a sweep job runs, injected by the composition root (src/app/compose-replay.ts `runReplay` satisfies
 * it): a worker thread imports it from the module URL it is given, so src/sweep never imports src/app.
 */
export type ReplayFn = (req: {
  readonly store: DuckDbStore;
  readonly range: BarRange;
  readonly config: Readonly<EngineConfig>;
  readonly runId: string;
  readonly wallSeconds: () => number;
  readonly writeResults: boolean;
  readonly barCache?: BarCache;
}) => Promise<{ readonly fingerprint: string; readonly results: RunResults }>;

/** The export a replay module must have. */
export const REPLAY_EXPORT = 'runReplay';
