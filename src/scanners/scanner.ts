import { type OperatorFunction, filter, map } from 'rxjs';
import type { z } from 'zod';
import type { Signal, WindowUpdate } from '../core/index.js';

/**
 * One running scanner with its parameters bound: a class instance (see the scanners here), not an object of
 * closures made per run (see src/streams/build-graph.ts; a sweep makes new scanners for every replay). It keeps O(1) incremental per-symbol state (indexed by
 * `bar.symbolId`), all of which can be rebuilt by feeding it the symbol's window again (`warmUp`).
 * Pure: no timers, no I/O, no wall clock.
 */
export interface ScannerInstance {
  readonly id: string;
  /** Bars of history the scanner needs before it may fire. */
  readonly warmupBars: number;
  /** Consumes one update; returns a signal when the scanner fires on this bar. */
  next(update: WindowUpdate): Signal | undefined;
}

export interface ScannerDefinition<P = unknown> {
  readonly id: string;
  readonly description: string;
  /** zod schema of the parameters, defaults included (strict: unknown keys are refused). */
  readonly params: z.ZodType<P>;
  create(params: P): ScannerInstance;
}

/** A scanner as an RxJS operator from window updates to signals. */
export const asOperator = (instance: ScannerInstance): OperatorFunction<WindowUpdate, Signal> => (source) =>
  source.pipe(
    map((u) => instance.next(u)),
    filter((s): s is Signal => s !== undefined),
  );
