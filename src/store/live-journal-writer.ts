import type { DuckDBConnection } from '@duckdb/node-api';
import type { Fill, OrderDenied, OrderRequest, Signal } from '../core/index.js';
import { type Cell, stageRows } from './append-rows.js';
import type { DuckDbStore } from './duckdb-store.js';

const ts = (col: string) => `make_timestamp(CAST(${col} AS BIGINT) * 1000)`;
const rupees = (col: string) => `(${col} / 100)::DECIMAL(10,2)`;

/**
 * The live session's journal in DuckDB: signals into `scanner_signals` (id `<run_id>/<signal id>`, as a replay
 * writes them), denials, orders and fills into the journal tables. Buffered; `flush` writes in one transaction
 * per batch, on its own connection, serialised.
 */
export class LiveJournalWriter {
  #signals: Cell[][] = [];
  #denials: Cell[][] = [];
  #orders: Cell[][] = [];
  #fills: Cell[][] = [];
  #seq = 0;
  #chain: Promise<unknown> = Promise.resolve();

  private constructor(private readonly c: DuckDBConnection, readonly runId: string) {}

  static async open(store: DuckDbStore, runId: string): Promise<LiveJournalWriter> {
    return new LiveJournalWriter(await store.connect(), runId);
  }

  signal(s: Signal): void {
    this.#signals.push([s.id, s.scannerId, s.symbol, s.side, s.entry, s.target, s.stopLoss, s.confidence, s.atMs]);
  }

  denial(d: OrderDenied): void {
    this.#denials.push([d.signalId, d.scannerId, d.symbol, d.code, d.reason, d.atMs, ++this.#seq]);
  }

  order(o: OrderRequest, outcome: string, brokerOrderId: string | null, reason: string | null): void {
    this.#orders.push([o.clientOrderId, brokerOrderId, o.symbol, o.side, o.qty, o.type, o.limitPrice ?? null, o.triggerPrice ?? null, o.purpose, o.scannerId, o.signalId, outcome, reason, o.atMs, ++this.#seq]);
  }

  fill(f: Fill, chargesPaise: number): void {
    this.#fills.push([f.fillId, f.clientOrderId, f.brokerOrderId, f.symbol, f.side, f.qty, f.price, chargesPaise, f.purpose, f.scannerId, f.signalId, f.atMs, ++this.#seq]);
  }

  get pending(): number {
    return this.#signals.length + this.#denials.length + this.#orders.length + this.#fills.length;
  }

  flush(): Promise<void> {
    const batch = { signals: this.#signals, denials: this.#denials, orders: this.#orders, fills: this.#fills };
    this.#signals = [];
    this.#denials = [];
    this.#orders = [];
    this.#fills = [];
    const run = this.#chain.then(() => this.#write(batch));
    this.#chain = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.flush();
    this.c.closeSync();
  }

  async #write(b: { signals: Cell[][]; denials: Cell[][]; orders: Cell[][]; fills: Cell[][] }): Promise<void> {
    const run = [this.runId];
    if (b.signals.length > 0) {
      await stageRows(this.c, 'lj_signals', [['id', 'VARCHAR'], ['scanner', 'VARCHAR'], ['symbol', 'VARCHAR'], ['side', 'VARCHAR'], ['entry', 'DOUBLE'], ['target', 'DOUBLE'], ['stop', 'DOUBLE'], ['conf', 'DOUBLE'], ['at_ms', 'DOUBLE']], b.signals);
      await this.c.run(`INSERT OR IGNORE INTO scanner_signals (signal_id, scanner_name, symbol, signal_type, entry_price, target_price, stop_loss, confidence_score, timestamp, backtest_run_id)
        SELECT $1 || '/' || id, scanner, symbol, side, ${rupees('entry')}, ${rupees('target')}, ${rupees('stop')}, conf::DECIMAL(3,2), ${ts('at_ms')}, $1 FROM lj_signals`, run);
    }
    if (b.denials.length > 0) {
      await stageRows(this.c, 'lj_denials', [['signal_id', 'VARCHAR'], ['scanner', 'VARCHAR'], ['symbol', 'VARCHAR'], ['code', 'VARCHAR'], ['reason', 'VARCHAR'], ['at_ms', 'DOUBLE'], ['seq', 'DOUBLE']], b.denials);
      await this.c.run(`INSERT INTO journal_denials SELECT $1, signal_id, scanner, symbol, code, reason, ${ts('at_ms')}, CAST(seq AS BIGINT) FROM lj_denials`, run);
    }
    if (b.orders.length > 0) {
      await stageRows(this.c, 'lj_orders', [['cid', 'VARCHAR'], ['bid', 'VARCHAR'], ['symbol', 'VARCHAR'], ['side', 'VARCHAR'], ['qty', 'DOUBLE'], ['type', 'VARCHAR'], ['limit_p', 'DOUBLE'], ['trigger_p', 'DOUBLE'], ['purpose', 'VARCHAR'], ['scanner', 'VARCHAR'], ['signal_id', 'VARCHAR'], ['outcome', 'VARCHAR'], ['reason', 'VARCHAR'], ['at_ms', 'DOUBLE'], ['seq', 'DOUBLE']], b.orders);
      await this.c.run(`INSERT INTO journal_orders SELECT $1, cid, bid, symbol, side, CAST(qty AS INTEGER), type, ${rupees('limit_p')}, ${rupees('trigger_p')}, purpose, scanner, signal_id, outcome, reason, ${ts('at_ms')}, CAST(seq AS BIGINT) FROM lj_orders`, run);
    }
    if (b.fills.length > 0) {
      await stageRows(this.c, 'lj_fills', [['fid', 'VARCHAR'], ['cid', 'VARCHAR'], ['bid', 'VARCHAR'], ['symbol', 'VARCHAR'], ['side', 'VARCHAR'], ['qty', 'DOUBLE'], ['price', 'DOUBLE'], ['charges', 'DOUBLE'], ['purpose', 'VARCHAR'], ['scanner', 'VARCHAR'], ['signal_id', 'VARCHAR'], ['at_ms', 'DOUBLE'], ['seq', 'DOUBLE']], b.fills);
      await this.c.run(`INSERT INTO journal_fills SELECT $1, fid, cid, bid, symbol, side, CAST(qty AS INTEGER), ${rupees('price')}, ${rupees('charges')}, purpose, scanner, signal_id, ${ts('at_ms')}, CAST(seq AS BIGINT) FROM lj_fills`, run);
    }
  }
}
