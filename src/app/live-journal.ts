import type { Journal, JournalRecord } from '../core/index.js';
import type { LiveJournalWriter } from '../store/index.js';

/**
 * The live session's journal: counts by scanner and by denial code, and hands every record to the DuckDB writer
 * (buffered there; flushed off the hot path by the daemon's timer).
 */
export class LiveJournal implements Journal {
  readonly signalsByScanner = new Map<string, number>();
  readonly deniedByCode = new Map<string, number>();
  orders = 0;
  fills = 0;

  constructor(private readonly writer: LiveJournalWriter | undefined, private readonly observe?: (r: JournalRecord) => void) {}

  append(r: JournalRecord): void {
    this.observe?.(r);
    switch (r.kind) {
      case 'signal':
        this.signalsByScanner.set(r.signal.scannerId, (this.signalsByScanner.get(r.signal.scannerId) ?? 0) + 1);
        this.writer?.signal(r.signal);
        break;
      case 'denial':
        this.deniedByCode.set(r.denial.code, (this.deniedByCode.get(r.denial.code) ?? 0) + 1);
        this.writer?.denial(r.denial);
        break;
      case 'order':
        this.orders++;
        this.writer?.order(r.order, r.outcome, null, null);
        break;
      case 'fill':
        this.fills++;
        this.writer?.fill(r.fill, 0);
        break;
      default:
        break;
    }
  }

  async flush(): Promise<void> {
    await this.writer?.flush();
  }

  get signalCount(): number {
    return [...this.signalsByScanner.values()].reduce((a, b) => a + b, 0);
  }
}
