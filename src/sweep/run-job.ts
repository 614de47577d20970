import type { BarCache, DuckDbStore } from '../store/index.js';
import { stopwatchMs } from '../telemetry/index.js';
import { reviveConfig } from './combination-config.js';
import type { ReplayFn } from './replay-fn.js';
import type { JobResult, ReplayJob } from './replay-job.js';

/**
 * One job = one replay, results not written (the main thread or the sweep process is the one writer). The replay
 * runs under a run id unique to this attempt (`scratchTag`) so its scratch journal file never meets a dead attempt's;
 * the results carry the job's run id. Same data + config → same fingerprint as `trade-engine replay`, whether the
 * bars come from the store or from the thread's cache of an earlier job's.
 */
export const runJob = async (store: DuckDbStore, job: ReplayJob, replay: ReplayFn, scratchTag: string, barCache?: BarCache): Promise<JobResult> => {
  const config = reviveConfig(job.config, `sweep job ${job.runId}`);
  const t0 = stopwatchMs();
  const out = await replay({ store, config, range: job.range, runId: `${job.runId}-${scratchTag}`, writeResults: false, wallSeconds: () => stopwatchMs() / 1000, ...(barCache === undefined ? {} : { barCache }) });
  return { job, fingerprint: out.fingerprint, results: { ...out.results, run: { ...out.results.run, runId: job.runId } }, seconds: (stopwatchMs() - t0) / 1000 };
};
