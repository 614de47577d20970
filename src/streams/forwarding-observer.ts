import type { Observer, Subscriber } from 'rxjs';

/**
 * An operator's observer of its source as a class (the graph's per-value work is its subclass's `next`): errors and
 * completion pass straight to the operator's subscriber. A class, not an object of closures made per subscription
 * (see build-graph.ts).
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
