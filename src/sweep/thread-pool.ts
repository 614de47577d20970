import { Worker } from 'node:worker_threads';
import { SweepError } from './errors.js';
import type { JobResult, ReplayJob } from './replay-job.js';
import type { FromThread, ReplayThreadData, ToThread } from './thread-messages.js';

const DEFAULT_CACHE_BARS = 2_000_000;

export interface ThreadPoolOptions {
  readonly size: number;
  readonly db: string;
  readonly replayModule: URL;
  readonly holdStore: boolean;
  /** DuckDB threads per worker store (default 1: the replays themselves fill the cores). */
  readonly duckdbThreads?: number;
  /** Bars each holding thread caches between jobs (default 2,000,000: about 72 MB a thread); 0 turns it off. */
  readonly cacheBars?: number;
  /** The thread entry (default: the compiled replay-thread.js next to this file). */
  readonly entry?: URL;
}

interface Task {
  readonly job: ReplayJob;
  readonly resolve: (r: JobResult) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Sent to the thread, oldest (running) first; the thread runs them one at a time, in order. */
  readonly tasks: Task[];
}

/**
 * Jobs sent ahead to each thread: the one it runs plus one waiting in its message queue, so a thread starts its
 * next replay as soon as it posts a result, without waiting for the main thread (busy writing results) to answer.
 */
const JOBS_PER_THREAD = 2;

/**
 * N replay threads; each runs one job at a time. A thread that dies fails the job it was running and is replaced;
 * the job it had not started yet goes back to the queue.
 */
export class ReplayThreadPool {
  readonly #slots: Slot[] = [];
  readonly #pending: Task[] = [];
  #closing = false;

  private constructor(private readonly o: ThreadPoolOptions) {}

  static async start(o: ThreadPoolOptions): Promise<ReplayThreadPool> {
    const pool = new ReplayThreadPool(o);
    try {
      await Promise.all(Array.from({ length: Math.max(1, o.size) }, () => pool.#spawn()));
    } catch (e) {
      await pool.close();
      throw e;
    }
    return pool;
  }

  get size(): number {
    return this.#slots.length;
  }

  run(job: ReplayJob): Promise<JobResult> {
    if (this.#closing) return Promise.reject(new SweepError('SWEEP_THREAD_FAILED', 'thread pool is closed'));
    return new Promise((resolve, reject) => {
      this.#pending.push({ job, resolve, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closing = true;
    for (const t of this.#pending.splice(0)) t.reject(new SweepError('SWEEP_THREAD_FAILED', 'thread pool closed'));
    await Promise.all(this.#slots.splice(0).map((s) => new Promise<void>((resolve) => {
      s.worker.once('exit', () => resolve());
      s.worker.postMessage({ kind: 'close' } satisfies ToThread);
      setTimeout(() => void s.worker.terminate(), 10_000).unref();
    })));
  }

  #spawn(): Promise<void> {
    const data: ReplayThreadData = { db: this.o.db, replayModule: this.o.replayModule.href, holdStore: this.o.holdStore, duckdbThreads: this.o.duckdbThreads ?? 1, cacheBars: this.o.cacheBars ?? DEFAULT_CACHE_BARS };
    const worker = new Worker(this.o.entry ?? new URL('./replay-thread.js', import.meta.url), { workerData: data });
    const slot: Slot = { worker, tasks: [] };
    return new Promise<void>((ready, failed) => {
      let started = false;
      worker.on('message', (m: FromThread) => {
        if (m.kind === 'ready') {
          started = true;
          this.#slots.push(slot);
          ready();
          this.#dispatch();
        } else if (m.kind === 'failed' && m.fatal) {
          failed(new SweepError('SWEEP_THREAD_FAILED', `replay thread could not start: ${m.error}`));
        } else this.#finish(slot, m);
      });
      worker.on('error', (e) => this.#lost(slot, e, started ? undefined : failed));
      worker.on('exit', (code) => this.#lost(slot, new Error(`replay thread exited (code ${code})`), started ? undefined : failed));
    });
  }

  #finish(slot: Slot, m: FromThread): void {
    const t = slot.tasks.shift();
    if (t !== undefined && m.kind === 'done') t.resolve(m.result);
    else if (t !== undefined && m.kind === 'failed') t.reject(new SweepError('SWEEP_THREAD_FAILED', m.error, { runId: t.job.runId }));
    this.#dispatch();
  }

  #lost(slot: Slot, e: Error, failedToStart?: (e: Error) => void): void {
    failedToStart?.(new SweepError('SWEEP_THREAD_FAILED', `replay thread could not start: ${e.message}`));
    const i = this.#slots.indexOf(slot);
    if (i < 0) return;
    this.#slots.splice(i, 1);
    const [running, ...waiting] = slot.tasks.splice(0);
    running?.reject(new SweepError('SWEEP_THREAD_FAILED', `replay thread died: ${e.message}`, { runId: running.job.runId }));
    this.#pending.unshift(...waiting);
    if (!this.#closing) this.#spawn().catch((err: unknown) => this.#failAll(err));
    this.#dispatch();
  }

  #failAll(err: unknown): void {
    if (this.#slots.length > 0) return;
    const e = err instanceof Error ? err : new Error(String(err));
    for (const t of this.#pending.splice(0)) t.reject(e);
  }

  #dispatch(): void {
    for (let depth = 1; depth <= JOBS_PER_THREAD; depth++) {
      for (const slot of this.#slots) {
        if (slot.tasks.length >= depth) continue;
        const t = this.#pending.shift();
        if (t === undefined) return;
        slot.tasks.push(t);
        slot.worker.postMessage({ kind: 'job', job: t.job } satisfies ToThread);
      }
    }
  }
}
