import type { SweepRunWrite } from '../store/index.js';

/**
 * Replay seconds a batch of finished runs gathers before it is written: a sweep that dies loses at most about this
 * much finished work (plus the replays still running), which its re-run recomputes. A batch costs the writer about
 * 7 ms whatever its size plus about 0.6 ms a run (100-odd trades), so short replays (tens of ms each) are written a
 * few dozen at a time, and a replay that took a second or more is written as soon as it finishes.
 */
export const SWEEP_WRITE_SECONDS = 1;

/** Runs in one batch at most, however short their replays (bounds the memory and the transaction). */
export const SWEEP_WRITE_MAX_RUNS = 64;

/** Finished runs waiting to be written, due by SWEEP_WRITE_SECONDS of replay time or SWEEP_WRITE_MAX_RUNS runs. */
export class WriteBatch {
  #runs: SweepRunWrite[] = [];
  #seconds = 0;

  get size(): number {
    return this.#runs.length;
  }

  /** Adds one run whose replay took `seconds` of wall time; true when the batch is now due. */
  add(run: SweepRunWrite, seconds: number): boolean {
    this.#runs.push(run);
    if (Number.isFinite(seconds) && seconds > 0) this.#seconds += seconds;
    return this.#seconds >= SWEEP_WRITE_SECONDS || this.#runs.length >= SWEEP_WRITE_MAX_RUNS;
  }

  /** The waiting runs, oldest first; the batch starts again empty. */
  take(): SweepRunWrite[] {
    const runs = this.#runs;
    this.#runs = [];
    this.#seconds = 0;
    return runs;
  }
}
