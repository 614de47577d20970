import { type SweepRunTag, barsSignature, readSweepRuns, tradingDatesIn, writeSweepRuns } from '../store/index.js';
import { SWEEP_WRITE_BATCH } from './result-store.js';
import { openStoreWhenFree } from './open-store.js';
import type { JobResult } from './replay-job.js';
import type { ResultStore } from './result-store.js';

/**
 * Queue mode: workers (other processes, maybe other machines) read the DuckDB file while the sweep runs, and DuckDB
 * lets one process write only when nobody else has the file open. So this process reads the file read-only when it
 * needs to, keeps only the tags of finished jobs, and at the end opens the file read-write (waiting while a worker
 * still has it open) and writes every result, fetched from where it waits (the completed BullMQ jobs), a batch at a time.
 */
export const deferredResultStore = (db: string, fetch: (runId: string) => Promise<JobResult>): ResultStore => {
  const tags: (SweepRunTag & { runId: string })[] = [];
  const reading = async <T>(fn: (s: Awaited<ReturnType<typeof openStoreWhenFree>>) => Promise<T>): Promise<T> => {
    const s = await openStoreWhenFree(db, { readOnly: true });
    try {
      return await fn(s);
    } finally {
      s.close();
    }
  };
  return {
    done: (id) => reading((s) => readSweepRuns(s, id)),
    tradingDates: (range) => reading((s) => tradingDatesIn(s, range)),
    dataSignature: (range) => reading((s) => barsSignature(s, range)),
    write: async (r, tag) => void tags.push({ ...tag, runId: r.job.runId }),
    finish: async () => {
      if (tags.length === 0) return;
      const s = await openStoreWhenFree(db, {});
      try {
        while (tags.length > 0) {
          const batch = tags.splice(0, SWEEP_WRITE_BATCH);
          const runs = [];
          for (const t of batch) runs.push({ results: (await fetch(t.runId)).results, tag: t });
          await writeSweepRuns(s, runs);
        }
      } finally {
        s.close();
      }
    },
  };
};
