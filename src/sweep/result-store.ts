import { type DuckDbStore, type StoredSweepRun, type SweepRunTag, barsSignature, readSweepRuns, tradingDatesIn, writeSweepRuns } from '../store/index.js';
import type { GridRange } from './grid-spec.js';
import type { JobResult } from './replay-job.js';
import { WriteBatch } from './write-batch.js';

/** Where a sweep finds its earlier runs and puts new ones: the one writer. */
export interface ResultStore {
  done(sweepId: string): Promise<StoredSweepRun[]>;
  tradingDates(range: GridRange): Promise<string[]>;
  /** Identifies the data of a range (part of the sweep id, so a sweep over other data is another sweep). */
  dataSignature(range: GridRange): Promise<string>;
  /** Records one finished job (now, batched, or at finish()). Calls come one at a time. */
  write(result: JobResult, tag: SweepRunTag): Promise<void>;
  finish(): Promise<void>;
}

/**
 * Thread mode: the main thread holds the file read-write and writes results as they arrive, a WriteBatch per
 * transaction (about a second of replay work; the rest at `finish`). Checkpoints are held back until the store
 * closes (after the threads have closed their read-only stores), so the pages the threads read never change under
 * them; the rows wait in the WAL meanwhile.
 */
export const directResultStore = async (store: DuckDbStore): Promise<ResultStore> => {
  await store.connection.run(`SET checkpoint_threshold = '1TB'`);
  const pending = new WriteBatch();
  const flush = async (): Promise<void> => {
    if (pending.size > 0) await writeSweepRuns(store, pending.take());
  };
  return {
    done: (id) => readSweepRuns(store, id),
    tradingDates: (range) => tradingDatesIn(store, range),
    dataSignature: (range) => barsSignature(store, range),
    write: async (r, tag) => {
      if (pending.add({ results: r.results, tag }, r.seconds)) await flush();
    },
    finish: flush,
  };
};
