import { DOUBLE, type DuckDBConnection, VARCHAR } from '@duckdb/node-api';
import { type Cell, stageRows } from './append-rows.js';
import { ColumnBuffer } from './column-buffer.js';

export interface SignalRow {
  readonly scannerId: string; readonly symbolId: number; readonly side: string;
  readonly entry: number; readonly target: number; readonly stopLoss: number; readonly confidence: number; readonly atMs: number;
}

/** An order as the journal keeps it: prices in paise, time in epoch ms. */
export interface OrderRow {
  readonly clientOrderId: string; readonly symbol: string; readonly side: string; readonly qty: number; readonly type: string;
  readonly limitPrice?: number; readonly triggerPrice?: number; readonly purpose: string; readonly scannerId: string; readonly signalId: string;
  readonly atMs: number;
}

export interface FillRow {
  readonly fillId: string; readonly clientOrderId: string; readonly brokerOrderId: string; readonly symbol: string; readonly side: string;
  readonly qty: number; readonly price: number; readonly purpose: string; readonly scannerId: string; readonly signalId: string; readonly atMs: number;
}

export interface DenialRow {
  readonly scannerId: string; readonly symbol: string; readonly code: string; readonly reason: string; readonly atMs: number;
}

/**
 * A run's signals and denials, appended as they happen to TEMP tables `j_signals` and `j_denials` in columnar
 * chunks (numbers only, except the denial reason), so a long replay keeps none of them in JS memory. Scanner and
 * symbol names live in `j_scanners` and `j_symbols`; signal ids are rebuilt in SQL as scanner:symbol:closeMs.
 */
export const JOURNAL_CATALOG = 'replay_journal';

export class JournalTables {
  readonly #scannerIdx = new Map<string, number>();
  readonly #symbolIdx = new Map<string, number>();
  /** Orders and fills are few (a handful per trade): kept as rows and staged at close. */
  readonly #orders: Cell[][] = [];
  readonly #fills: Cell[][] = [];
  #seq = 0;

  private constructor(private readonly c: DuckDBConnection, private readonly signals: ColumnBuffer, private readonly denials: ColumnBuffer, private readonly symbols: readonly string[]) {
    symbols.forEach((s, i) => this.#symbolIdx.set(s, i));
  }

  /**
   * `scratchFile`: a DuckDB file the journal lives in (attached as `replay_journal`), so its pages can leave memory;
   * the caller deletes it after the results are written. Without one the tables are in-memory TEMP tables.
   */
  static async open(c: DuckDBConnection, symbols: readonly string[], scratchFile?: string): Promise<JournalTables> {
    const catalog = scratchFile === undefined ? 'temp' : JOURNAL_CATALOG;
    if (scratchFile !== undefined) await c.run(`ATTACH '${scratchFile.replaceAll("'", "''")}' AS ${JOURNAL_CATALOG} (READ_WRITE)`);
    await c.run(`CREATE OR REPLACE TABLE ${catalog}.j_signals (seq DOUBLE, scanner DOUBLE, symbol DOUBLE, buy DOUBLE, entry_p DOUBLE, target_p DOUBLE, stop_p DOUBLE, conf DOUBLE, at_ms DOUBLE)`);
    await c.run(`CREATE OR REPLACE TABLE ${catalog}.j_denials (seq DOUBLE, scanner DOUBLE, symbol DOUBLE, at_ms DOUBLE, code VARCHAR, reason VARCHAR)`);
    if (scratchFile !== undefined) {
      await c.run(`CREATE OR REPLACE TEMP VIEW j_signals AS SELECT * FROM ${JOURNAL_CATALOG}.j_signals`);
      await c.run(`CREATE OR REPLACE TEMP VIEW j_denials AS SELECT * FROM ${JOURNAL_CATALOG}.j_denials`);
    }
    const sig = new ColumnBuffer(await c.createAppender('j_signals', 'main', catalog), Array.from({ length: 9 }, () => DOUBLE));
    const den = new ColumnBuffer(await c.createAppender('j_denials', 'main', catalog), [DOUBLE, DOUBLE, DOUBLE, DOUBLE, VARCHAR, VARCHAR]);
    return new JournalTables(c, sig, den, symbols);
  }

  appendSignal(s: SignalRow): void {
    const b = this.signals;
    b.set(0, ++this.#seq);
    b.set(1, this.#scanner(s.scannerId));
    b.set(2, s.symbolId);
    b.set(3, s.side === 'BUY' ? 1 : 0);
    b.set(4, s.entry);
    b.set(5, s.target);
    b.set(6, s.stopLoss);
    b.set(7, s.confidence);
    b.set(8, s.atMs);
    b.commit();
  }

  appendDenial(d: DenialRow): void {
    const b = this.denials;
    b.set(0, ++this.#seq);
    b.set(1, this.#scanner(d.scannerId));
    b.set(2, this.#symbolIdx.get(d.symbol) ?? -1);
    b.set(3, d.atMs);
    b.set(4, d.code);
    b.set(5, d.reason);
    b.commit();
  }

  appendOrder(o: OrderRow, outcome: string): void {
    this.#orders.push([o.clientOrderId, o.symbol, o.side, o.qty, o.type, o.limitPrice ?? null, o.triggerPrice ?? null, o.purpose, o.scannerId, o.signalId, outcome, o.atMs, ++this.#seq]);
  }

  appendFill(f: FillRow): void {
    this.#fills.push([f.fillId, f.clientOrderId, f.brokerOrderId, f.symbol, f.side, f.qty, f.price, f.purpose, f.scannerId, f.signalId, f.atMs, ++this.#seq]);
  }

  /** Flushes the buffers and writes the name tables; the tables stay readable until the connection closes. */
  async close(): Promise<void> {
    this.signals.close();
    this.denials.close();
    await stageRows(this.c, 'j_orders', [['cid', 'VARCHAR'], ['symbol', 'VARCHAR'], ['side', 'VARCHAR'], ['qty', 'DOUBLE'], ['type', 'VARCHAR'], ['limit_p', 'DOUBLE'], ['trigger_p', 'DOUBLE'], ['purpose', 'VARCHAR'], ['scanner', 'VARCHAR'], ['signal_id', 'VARCHAR'], ['outcome', 'VARCHAR'], ['at_ms', 'DOUBLE'], ['seq', 'DOUBLE']], this.#orders);
    await stageRows(this.c, 'j_fills', [['fid', 'VARCHAR'], ['cid', 'VARCHAR'], ['bid', 'VARCHAR'], ['symbol', 'VARCHAR'], ['side', 'VARCHAR'], ['qty', 'DOUBLE'], ['price', 'DOUBLE'], ['purpose', 'VARCHAR'], ['scanner', 'VARCHAR'], ['signal_id', 'VARCHAR'], ['at_ms', 'DOUBLE'], ['seq', 'DOUBLE']], this.#fills);
    await stageRows(this.c, 'j_scanners', [['name', 'VARCHAR'], ['idx', 'DOUBLE']], [...this.#scannerIdx].map(([name, idx]) => [name, idx]));
    await stageRows(this.c, 'j_symbols', [['name', 'VARCHAR'], ['idx', 'DOUBLE']], this.symbols.map((name, idx) => [name, idx]));
  }

  #scanner(id: string): number {
    let i = this.#scannerIdx.get(id);
    if (i === undefined) {
      i = this.#scannerIdx.size;
      this.#scannerIdx.set(id, i);
    }
    return i;
  }
}



