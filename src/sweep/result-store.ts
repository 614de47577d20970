import { type DuckDbStore, type StoredSweepRun, type SweepRunTag, type SweepRunWrite, barsSignature, readSweepRuns, tradingDatesIn, writeSweepRuns } from '../store/index.js';
import type { GridRange } from './grid-spec.js';
import type { JobResult } from './replay-job.js';

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
 * Results written per transaction by the thread mode's store: a dozen statements per batch instead of per run (on a
 * short replay they cost the main thread and DuckDB about as much CPU as a third of the replay itself). A sweep
 * that dies loses at most this many unwritten runs, which its re-run recomputes.
 */
export const SWEEP_WRITE_BATCH = 8;

/**
 * Thread mode: the main thread holds the file read-write and writes results as they arrive, `SWEEP_WRITE_BATCH` at
 * a time (the rest at `finish`). Checkpoints are held back until the store closes (after the threads have closed
 * their read-only stores), so the pages the threads read never change under them; the rows wait in the WAL meanwhile.
 */
export const directResultStore = async (store: DuckDbStore): Promise<ResultStore> => {
  await store.connection.run(`SET checkpoint_threshold = '1TB'`);
  const pending: SweepRunWrite[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length > 0) await writeSweepRuns(store, pending.splice(0));
  };
  return {
    done: (id) => readSweepRuns(store, id),
    tradingDates: (range) => tradingDatesIn(store, range),
    dataSignature: (range) => barsSignature(store, range),
    write: async (r, tag) => {
      pending.push({ results: r.results, tag });
      if (pending.length >= SWEEP_WRITE_BATCH) await flush();
    },
    finish: flush,
  };
};
