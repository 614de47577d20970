import type { Journal, JournalRecord } from '../core/index.js';
import type { DenialRow, FillRow, OrderRow, SignalRow } from '../store/index.js';
import { RunDigest } from './run-digest.js';

/** Where a run's signals and denials go (DuckDB temp tables in a replay). */
export interface JournalSink {
  appendSignal(s: SignalRow): void;
  appendDenial(d: DenialRow): void;
  appendOrder(o: OrderRow, outcome: string): void;
  appendFill(f: FillRow): void;
}

/**
 * The run's journal: digests every record, counts signals per scanner and denials per code, and hands every record
 * to the sink (if any), so memory stays flat however long the replay.
 */
export class ReplayJournal implements Journal {
  readonly digest = new RunDigest();
  readonly signalsByScanner = new Map<string, number>();
  readonly deniedByCode = new Map<string, number>();
  #signals = 0;
  #orders = 0;
  #fills = 0;

  /** Without a sink the journal only digests and counts (a sweep job, whose rows are never written). */
  constructor(private readonly sink?: JournalSink) {}

  append(r: JournalRecord): void {
    this.digest.add(r);
    switch (r.kind) {
      case 'signal':
        this.#signals++;
        this.signalsByScanner.set(r.signal.scannerId, (this.signalsByScanner.get(r.signal.scannerId) ?? 0) + 1);
        this.sink?.appendSignal(r.signal);
        break;
      case 'denial':
        this.deniedByCode.set(r.denial.code, (this.deniedByCode.get(r.denial.code) ?? 0) + 1);
        this.sink?.appendDenial(r.denial);
        break;
      case 'order':
        this.#orders++;
        this.sink?.appendOrder(r.order, r.outcome);
        break;
      case 'fill':
        this.#fills++;
        this.sink?.appendFill(r.fill);
        break;
      default:
        break;
    }
  }

  async flush(): Promise<void> {}

  get signalCount(): number {
    return this.#signals;
  }

  get orderCount(): number {
    return this.#orders;
  }

  get fillCount(): number {
    return this.#fills;
  }
}
