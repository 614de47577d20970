import type { Journal, JournalRecord, OrderDenied, Signal } from '../core/index.js';
import { RunDigest } from './run-digest.js';

/** Collects the run's journal for its results and digest; orders and fills are also forwarded to a sink. */
export class ReplayJournal implements Journal {
  readonly digest = new RunDigest();
  readonly signals: Signal[] = [];
  readonly denials: OrderDenied[] = [];
  readonly #sink: (r: JournalRecord) => void;
  #orders = 0;
  #fills = 0;

  constructor(sink: (r: JournalRecord) => void = () => undefined) {
    this.#sink = sink;
  }

  append(r: JournalRecord): void {
    this.digest.add(r);
    if (r.kind === 'signal') this.signals.push(r.signal);
    else if (r.kind === 'denial') this.denials.push(r.denial);
    else if (r.kind === 'order') this.#orders++;
    else if (r.kind === 'fill') this.#fills++;
    this.#sink(r);
  }

  async flush(): Promise<void> {}

  get orderCount(): number {
    return this.#orders;
  }

  get fillCount(): number {
    return this.#fills;
  }
}
