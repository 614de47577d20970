import { type DuckDbStore, type StoredSweepRun, type SweepRunTag, barsSignature, readSweepRuns, tradingDatesIn, writeSweepRun } from '../store/index.js';
import type { GridRange } from './grid-spec.js';
import type { JobResult } from './replay-job.js';

/** Where a sweep finds its earlier runs and puts new ones: the one writer. */
export interface ResultStore {
  done(sweepId: string): Promise<StoredSweepRun[]>;
  tradingDates(range: GridRange): Promise<string[]>;
  /** Identifies the data of a range (part of the sweep id, so a sweep over other data is another sweep). */
  dataSignature(range: GridRange): Promise<string>;
  /** Records one finished job (now, or at finish()). Calls come one at a time. */
  write(result: JobResult, tag: SweepRunTag): Promise<void>;
  finish(): Promise<void>;
}

/**
 * Thread mode: the main thread holds the file read-write and writes each result as it arrives. Checkpoints are
 * held back until the store closes (after the threads have closed their read-only stores), so the pages the threads
 * read never change under them; the rows wait in the WAL meanwhile.
 */
export const directResultStore = async (store: DuckDbStore): Promise<ResultStore> => {
  await store.connection.run(`SET checkpoint_threshold = '1TB'`);
  return {
    done: (id) => readSweepRuns(store, id),
    tradingDates: (range) => tradingDatesIn(store, range),
    dataSignature: (range) => barsSignature(store, range),
    write: async (r, tag) => void (await writeSweepRun(store, r.results, tag)),
    finish: async () => undefined,
  };
};
