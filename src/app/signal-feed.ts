import { type Signal, istDay } from '../core/index.js';

interface Entry { readonly seq: number; readonly signal: Signal; acked: boolean }
interface ScannerDay { day: number; count: number; lastAtMs: number }

/**
 * The recent signals another program can consume: a bounded buffer with a cursor (`seq`) and acknowledgement by
 * signal id, plus per-scanner counts for today (exchange time).
 */
export class SignalFeed {
  readonly #entries: Entry[] = [];
  readonly #byScanner = new Map<string, ScannerDay>();
  #seq = 0;

  constructor(private readonly capacity = 2000) {}

  push(s: Signal): void {
    this.#entries.push({ seq: ++this.#seq, signal: s, acked: false });
    if (this.#entries.length > this.capacity) this.#entries.shift();
    const day = istDay(s.atMs);
    const d = this.#byScanner.get(s.scannerId);
    if (d === undefined || d.day !== day) this.#byScanner.set(s.scannerId, { day, count: 1, lastAtMs: s.atMs });
    else Object.assign(d, { count: d.count + 1, lastAtMs: s.atMs });
  }

  /** Signals after `cursor` (oldest first, at most `limit`), and the cursor to pass next time. */
  since(cursor: number, limit: number, unackedOnly: boolean): { signals: { seq: number; acked: boolean; signal: Signal }[]; cursor: number } {
    const out = this.#entries.filter((e) => e.seq > cursor && (!unackedOnly || !e.acked)).slice(0, limit);
    return { signals: out.map((e) => ({ seq: e.seq, acked: e.acked, signal: e.signal })), cursor: out.at(-1)?.seq ?? Math.max(cursor, 0) };
  }

  /** Marks signals consumed; returns the ids that were found. */
  ack(ids: readonly string[]): string[] {
    const want = new Set(ids);
    const found: string[] = [];
    for (const e of this.#entries) {
      if (want.has(e.signal.id) && !e.acked) {
        e.acked = true;
        found.push(e.signal.id);
      }
    }
    return found;
  }

  today(scannerId: string, nowMs: number): { signalsToday: number; lastSignalAtMs: number | null } {
    const d = this.#byScanner.get(scannerId);
    return d === undefined || d.day !== istDay(nowMs) ? { signalsToday: 0, lastSignalAtMs: null } : { signalsToday: d.count, lastSignalAtMs: d.lastAtMs };
  }
}
