import { createHash, type Hash } from 'node:crypto';
import type { JournalRecord } from '../core/index.js';

/**
 * SHA-256 over the ordered journal of signals, orders and fills (denials and updates excluded), in a canonical
 * text form with no run id or wall-clock field, so two runs of the same data and config give the same digest.
 */
export class RunDigest {
  readonly #hash: Hash = createHash('sha256');
  #pending = '';
  #records = 0;

  add(r: JournalRecord): void {
    const line = canonical(r);
    if (line === undefined) return;
    this.#pending += `${line}\n`;
    this.#records++;
    if (this.#pending.length > 65_536) this.#drain();
  }

  #drain(): void {
    this.#hash.update(this.#pending);
    this.#pending = '';
  }

  get records(): number {
    return this.#records;
  }

  hex(): string {
    this.#drain();
    return this.#hash.copy().digest('hex');
  }
}

const canonical = (r: JournalRecord): string | undefined => {
  switch (r.kind) {
    case 'signal': {
      const s = r.signal;
      return `S|${s.id}|${s.side}|${s.entry}|${s.target}|${s.stopLoss}|${s.confidence.toFixed(6)}`;
    }
    case 'order': {
      const o = r.order;
      return `O|${o.clientOrderId}|${o.symbol}|${o.side}|${o.qty}|${o.type}|${o.limitPrice ?? ''}|${o.triggerPrice ?? ''}|${o.purpose}|${o.atMs}|${r.outcome}`;
    }
    case 'fill': {
      const f = r.fill;
      return `F|${f.clientOrderId}|${f.symbol}|${f.side}|${f.qty}|${f.price}|${f.atMs}`;
    }
    default:
      return undefined;
  }
};
