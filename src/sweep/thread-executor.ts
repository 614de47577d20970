import type { JobExecutor } from './replay-job.js';
import type { ReplayThreadPool } from './thread-pool.js';

/** Runs jobs on this machine's replay threads. */
export const threadExecutor = (pool: ReplayThreadPool): JobExecutor => ({
  run: async (jobs, onDone) => {
    await Promise.all(jobs.map((job) => pool.run(job).then(
      (result) => onDone({ ok: true, result }),
      (e: unknown) => onDone({ ok: false, job, error: e instanceof Error ? e.message : String(e) }),
    )));
  },
  close: () => pool.close(),
});
