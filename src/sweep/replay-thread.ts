import { parentPort, threadId, workerData } from 'node:worker_threads';
import { BarCache, DuckDbStore } from '../store/index.js';
import { REPLAY_EXPORT, type ReplayFn } from './replay-fn.js';
import { runJob } from './run-job.js';
import type { FromThread, ReplayThreadData, ToThread } from './thread-messages.js';

/**
 * Entry of one replay worker thread: opens the DuckDB file READ-ONLY, runs one job at a time (in the order they
 * arrive) and posts back its results. It shares nothing mutable with the main thread: jobs and results are copied (structured clone).
 */
const port = parentPort;
if (port === null) throw new Error('replay-thread.js runs only as a worker thread');
const data = workerData as ReplayThreadData;
const post = (m: FromThread): void => port.postMessage(m);
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const openStore = async (): Promise<DuckDbStore> => {
  const s = await DuckDbStore.open(data.db, { readOnly: true });
  await s.connection.run(`SET threads = ${Math.max(1, Math.floor(data.duckdbThreads))}`);
  return s;
};

let held: DuckDbStore | undefined;
// The held store is read-only and the file's bars cannot change under it, so its bars may be kept between jobs.
const cache = data.holdStore && data.cacheBars > 0 ? new BarCache(data.cacheBars) : undefined;
let seq = 0;
let queue: Promise<void> = Promise.resolve();
try {
  const replay = (await import(data.replayModule) as Record<string, unknown>)[REPLAY_EXPORT] as ReplayFn;
  if (typeof replay !== 'function') throw new Error(`${data.replayModule} has no ${REPLAY_EXPORT} export`);
  if (data.holdStore) held = await openStore();
  port.on('message', (m: ToThread) => {
    if (m.kind === 'close') {
      // after the jobs already sent: a store is never closed under a running replay
      queue = queue.then(() => {
        held?.close();
        port.close();
      });
      return;
    }
    // Jobs run one at a time in the order sent (the pool sends the next one ahead, see thread-pool.ts).
    queue = queue.then(async () => {
      try {
        const store = held ?? await openStore();
        try {
          post({ kind: 'done', result: await runJob(store, m.job, replay, `${process.pid}-t${threadId}-${++seq}`, store === held ? cache : undefined) });
        } finally {
          if (store !== held) store.close();
        }
      } catch (e) {
        post({ kind: 'failed', error: message(e), fatal: false });
      }
    });
  });
  post({ kind: 'ready' });
} catch (e) {
  post({ kind: 'failed', error: message(e), fatal: true });
  port.close();
}
