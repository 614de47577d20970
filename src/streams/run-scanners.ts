import { Observable, type OperatorFunction } from 'rxjs';
import type { Signal, WindowUpdate } from '../core/index.js';
import type { ScannerInstance } from '../scanners/index.js';

/**
 * Runs the enabled scanners on each window update, in a fixed order, as one operator: one hop per bar instead
 * of a share-and-merge branch per scanner (about 50 ns each). The set is swapped atomically when `scanners$`
 * emits (a config edit); scanners left enabled keep their instances and so their state.
 */
export const runScanners = (scanners$: Observable<readonly ScannerInstance[]>): OperatorFunction<WindowUpdate, Signal> => (source) =>
  new Observable<Signal>((sub) => {
    let current: readonly ScannerInstance[] = [];
    const cfg = scanners$.subscribe({ next: (s) => (current = s), error: (e: unknown) => sub.error(e) });
    const inner = source.subscribe({
      next(u) {
        const list = current;
        for (let i = 0; i < list.length; i++) {
          const s = (list[i] as ScannerInstance).next(u);
          if (s !== undefined) sub.next(s);
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
