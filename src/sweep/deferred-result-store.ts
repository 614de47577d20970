import { type SweepRunTag, barsSignature, readSweepRuns, tradingDatesIn, writeSweepRuns } from '../store/index.js';
import { openStoreWhenFree } from './open-store.js';
import type { JobResult } from './replay-job.js';
import type { ResultStore } from './result-store.js';
import { WriteBatch } from './write-batch.js';

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
        const batch = new WriteBatch();
        for (const t of tags.splice(0)) {
          const r = await fetch(t.runId);
          if (batch.add({ results: r.results, tag: t }, r.seconds)) await writeSweepRuns(s, batch.take());
        }
        if (batch.size > 0) await writeSweepRuns(s, batch.take());
      } finally {
        s.close();
      }
    },
  };
};
