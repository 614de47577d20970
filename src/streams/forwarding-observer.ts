import type { Observer, Subscriber } from 'rxjs';

/**
 * An operator's observer of its source as a class (the graph's per-value work is its subclass's `next`): errors and
 * completion pass straight to the operator's subscriber. A class, not an object of closures made per subscription,
 * so the compiled `next` outlives the run (a closure's optimised code is dropped by a full GC once its run is gone).
 */
export abstract class ForwardingObserver<I, O> implements Observer<I> {
  constructor(protected readonly sub: Subscriber<O>) {}

  abstract next(value: I): void;

  error(e: unknown): void {
    this.sub.error(e);
  }

  complete(): void {
    this.sub.complete();
  }
}
