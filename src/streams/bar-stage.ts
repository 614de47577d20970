import { Observable, type OperatorFunction } from 'rxjs';
import type { Bar, Signal, WindowUpdate } from '../core/index.js';
import type { ScannerInstance } from '../scanners/index.js';
import { type BarRejectCode, barProblem } from './bar-problem.js';

/** The per-bar steps of the one graph, in the order they run. */
export interface BarSteps {
  /** First, for every bar, valid or not: the session schedule sees the bar's close time. */
  readonly observe: (bar: Bar) => void;
  /** An invalid bar is counted by code and goes no further. */
  readonly reject: (code: BarRejectCode, bar: Bar) => void;
  /** Before the window sees the bar: the simulator matches resting orders against it (no look-ahead), risk sees it. */
  readonly beforeWindow: (bar: Bar) => void;
  readonly window: (bar: Bar) => WindowUpdate;
}

/**
 * The per-bar part of the graph as one operator (one RxJS hop per bar instead of one per step; each hop costs a
 * subscriber call and a closure): observe, validate, match, window, then the enabled scanners in a fixed order,
 * emitting their signals. The scanner set is swapped atomically when `scanners$` emits (a config edit); scanners
 * left enabled keep their instances and so their state. An error thrown by a step is a bug: it errors the stream
 * (the crash path), as it would inside an rxjs operator.
 */
export const barStage = (steps: BarSteps, scanners$: Observable<readonly ScannerInstance[]>): OperatorFunction<Bar, Signal> => (source) =>
  new Observable<Signal>((sub) => {
    let current: readonly ScannerInstance[] = [];
    const cfg = scanners$.subscribe({ next: (s) => (current = s), error: (e: unknown) => sub.error(e) });
    if (sub.closed) return cfg;
    const inner = source.subscribe({
      next(bar) {
        try {
          steps.observe(bar);
          const problem = barProblem(bar);
          if (problem !== undefined) {
            steps.reject(problem, bar);
            return;
          }
          steps.beforeWindow(bar);
          const u = steps.window(bar);
          const list = current;
          for (let i = 0; i < list.length; i++) {
            const s = (list[i] as ScannerInstance).next(u);
            if (s !== undefined) sub.next(s);
          }
        } catch (e: unknown) {
          sub.error(e);
        }
      },
      error: (e: unknown) => sub.error(e),
      complete: () => sub.complete(),
    });
    return () => {
      cfg.unsubscribe();
      inner.unsubscribe();
    };
  });
