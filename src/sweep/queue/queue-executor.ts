import { Queue } from 'bullmq';
import type { JobExecutor, JobResult, ReplayJob } from '../replay-job.js';
import { DEFAULT_QUEUE_NAME, queueConnection } from './redis-connection.js';

export interface QueueExecutorOptions {
  readonly url: string;
  readonly queueName?: string;
  /** Attempts per job before it counts as failed (a worker that dies mid-job does not use one up: it stalls). */
  readonly attempts?: number;
  readonly pollMs?: number;
}

export interface QueueExecutor extends JobExecutor {
  /** A finished job's result, read again from Redis (the deferred writer streams them one at a time). */
  fetch(runId: string): Promise<JobResult>;
}

/**
 * Queue mode: one BullMQ job per replay, job id = run id (`<sweepId>-<combinationId>`), so adding it again is a
 * no-op and a re-run picks up finished jobs' results instead of recomputing them. Completed jobs are kept with
 * their results (the durable hand-off to the writer); a job that failed before is retried.
 */
export const queueExecutor = (o: QueueExecutorOptions): QueueExecutor => {
  const queue = new Queue<ReplayJob, JobResult>(o.queueName ?? DEFAULT_QUEUE_NAME, { connection: queueConnection(o.url) });
  const pollMs = o.pollMs ?? 250;
  return {
    run: async (jobs, onDone) => {
      const opts = { attempts: o.attempts ?? 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: false, removeOnFail: false };
      await queue.addBulk(jobs.map((j) => ({ name: 'replay', data: j, opts: { ...opts, jobId: j.runId } })));
      const pending = new Map(jobs.map((j) => [j.runId, j]));
      for (const j of jobs) {
        if ((await queue.getJobState(j.runId)) === 'failed') await (await queue.getJob(j.runId))?.retry('failed');
      }
      while (pending.size > 0) {
        for (const [id, job] of [...pending]) {
          const state = await queue.getJobState(id);
          if (state !== 'completed' && state !== 'failed') continue;
          pending.delete(id);
          const bj = await queue.getJob(id);
          if (state === 'completed' && bj !== undefined) await onDone({ ok: true, result: bj.returnvalue });
          else await onDone({ ok: false, job, error: bj?.failedReason ?? `job ${id} ${state}` });
        }
        if (pending.size > 0) await new Promise((r) => setTimeout(r, pollMs));
      }
    },
    fetch: async (runId) => {
      const j = await queue.getJob(runId);
      if (j?.returnvalue === undefined || j.returnvalue === null) throw new Error(`queue job ${runId}: no result in Redis`);
      return j.returnvalue;
    },
    close: () => queue.close(),
  };
};
