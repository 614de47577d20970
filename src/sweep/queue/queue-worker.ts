import { Worker } from 'bullmq';
import type { JobResult, ReplayJob } from '../replay-job.js';
import { ReplayThreadPool } from '../thread-pool.js';
import { DEFAULT_QUEUE_NAME, queueConnection } from './redis-connection.js';

export interface QueueWorkerOptions {
  readonly url: string;
  readonly db: string;
  readonly replayModule: URL;
  readonly queueName?: string;
  /** Jobs at once (one replay thread each). */
  readonly concurrency?: number;
  /** BullMQ lock: a job whose worker stops renewing it for this long is taken back (default 30 s). */
  readonly lockMs?: number;
  /** How often this worker looks for stalled jobs of dead workers (default 30 s). */
  readonly stalledMs?: number;
  readonly log?: (line: string) => void;
}

export interface RunningQueueWorker {
  close(): Promise<void>;
}

/**
 * A queue worker process: takes replay jobs from BullMQ and runs each on a replay thread, so this thread stays free
 * to renew the job locks. The DuckDB file is opened read-only for each job and closed after, so the sweep's one
 * writer can take it when the queue is idle. Results go back as the job's return value; nothing is written here,
 * so a worker killed mid-job leaves nothing behind and BullMQ gives the stalled job to another worker.
 */
export const startQueueWorker = async (o: QueueWorkerOptions): Promise<RunningQueueWorker> => {
  const concurrency = Math.max(1, o.concurrency ?? 1);
  const pool = await ReplayThreadPool.start({ size: concurrency, db: o.db, replayModule: o.replayModule, holdStore: false });
  const log = o.log ?? (() => undefined);
  const worker = new Worker<ReplayJob, JobResult>(o.queueName ?? DEFAULT_QUEUE_NAME, (job) => {
    log(`job ${job.id ?? '?'} started (attempt ${job.attemptsMade + 1})`);
    return pool.run(job.data);
  }, {
    connection: queueConnection(o.url), concurrency, lockDuration: o.lockMs ?? 30_000, stalledInterval: o.stalledMs ?? 30_000, maxStalledCount: 3,
  });
  worker.on('completed', (job) => log(`job ${job.id ?? '?'} completed fingerprint ${job.returnvalue.fingerprint.slice(0, 16)}`));
  worker.on('failed', (job, e) => log(`job ${job?.id ?? '?'} failed: ${e.message}`));
  worker.on('error', (e) => log(`worker error: ${e.message}`));
  await worker.waitUntilReady();
  return {
    close: async () => {
      await worker.close();
      await pool.close();
    },
  };
};
