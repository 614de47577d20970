import { createHash, type Hash } from 'node:crypto';
import type { JournalRecord, Signal } from '../core/index.js';

const BUFFER_BYTES = 1 << 16;
const SIGNAL_BYTES = 1 + 8 * 8;

/**
 * SHA-256 over the ordered journal of signals, orders and fills (denials and updates excluded), in a canonical form
 * with no run id or wall-clock field, so two runs of the same data and config give the same digest. Signals (by far
 * the most records) are hashed as fixed binary records, never formatted as text: a name line the first time a
 * scanner or symbol appears (`N|C|<scanner>`, `N|Y|<symbol>`), then per signal the byte `S` and eight float64s
 * (little-endian): scanner code, symbol code (order of first appearance), side (1 BUY, 0 SELL), entry, target, stop
 * loss (paise), confidence and time (epoch ms). Orders and fills are text lines `O|…` and `F|…`.
 */
export class RunDigest {
  readonly #hash: Hash = createHash('sha256');
  readonly #buf = Buffer.allocUnsafe(BUFFER_BYTES);
  readonly #view = new DataView(this.#buf.buffer, this.#buf.byteOffset, this.#buf.byteLength);
  readonly #scanners = new Map<string, number>();
  readonly #symbols = new Map<string, number>();
  #off = 0;
  #records = 0;

  add(r: JournalRecord): void {
    switch (r.kind) {
      case 'signal':
        this.#signal(r.signal);
        break;
      case 'order': {
        const o = r.order;
        this.#line(`O|${o.clientOrderId}|${o.symbol}|${o.side}|${o.qty}|${o.type}|${o.limitPrice ?? ''}|${o.triggerPrice ?? ''}|${o.purpose}|${o.atMs}|${r.outcome}`);
        break;
      }
      case 'fill': {
        const f = r.fill;
        this.#line(`F|${f.clientOrderId}|${f.symbol}|${f.side}|${f.qty}|${f.price}|${f.atMs}`);
        break;
      }
      default:
        return;
    }
    this.#records++;
  }

  get records(): number {
    return this.#records;
  }

  hex(): string {
    this.#drain();
    return this.#hash.copy().digest('hex');
  }

  #signal(s: Signal): void {
    const scanner = this.#code(this.#scanners, 'C', s.scannerId);
    const symbol = this.#code(this.#symbols, 'Y', s.symbol);
    if (this.#off + SIGNAL_BYTES > BUFFER_BYTES) this.#drain();
    const v = this.#view;
    const o = this.#off;
    v.setUint8(o, 0x53);
    v.setFloat64(o + 1, scanner, true);
    v.setFloat64(o + 9, symbol, true);
    v.setFloat64(o + 17, s.side === 'BUY' ? 1 : 0, true);
    v.setFloat64(o + 25, s.entry, true);
    v.setFloat64(o + 33, s.target, true);
    v.setFloat64(o + 41, s.stopLoss, true);
    v.setFloat64(o + 49, s.confidence, true);
    v.setFloat64(o + 57, s.atMs, true);
    this.#off = o + SIGNAL_BYTES;
  }

  #code(codes: Map<string, number>, tag: string, name: string): number {
    let c = codes.get(name);
    if (c === undefined) {
      c = codes.size;
      codes.set(name, c);
      this.#line(`N|${tag}|${name}`);
    }
    return c;
  }

  /** A text line, after the binary records before it. */
  #line(text: string): void {
    this.#drain();
    this.#hash.update(`${text}\n`);
  }

  #drain(): void {
    if (this.#off === 0) return;
    this.#hash.update(this.#buf.subarray(0, this.#off));
    this.#off = 0;
  }
}
