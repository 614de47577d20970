import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type Cell, stageRows } from './append-rows.js';
import { CsvSpool, csvText } from './csv-spool.js';

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
 * A run's journal as `read_csv` views and staged tables for the results writer: signals and denials (millions in a
 * long replay) are spooled to CSV files in a scratch directory as they happen, numbers only except the denial code
 * and reason, so a long replay keeps none of them in memory and spends no native call per row. Scanner and symbol
 * names live in `j_scanners` and `j_symbols`; signal ids are rebuilt in SQL as scanner:symbol:closeMs.
 */
export class JournalTables {
  readonly #scannerIdx = new Map<string, number>();
  readonly #symbolIdx = new Map<string, number>();
  /** Orders and fills are few (a handful per trade): kept as rows and staged at close. */
  readonly #orders: Cell[][] = [];
  readonly #fills: Cell[][] = [];
  readonly #signals: CsvSpool;
  readonly #denials: CsvSpool;
  #seq = 0;

  /** `scratchDir`: an existing directory for the spool files; the caller deletes it after the results are written. */
  constructor(private readonly c: DuckDBConnection, private readonly symbols: readonly string[], scratchDir: string) {
    symbols.forEach((s, i) => this.#symbolIdx.set(s, i));
    this.#signals = new CsvSpool(join(scratchDir, 'signals.csv'));
    this.#denials = new CsvSpool(join(scratchDir, 'denials.csv'));
  }

  appendSignal(s: SignalRow): void {
    this.#signals.row(`${++this.#seq},${this.#scanner(s.scannerId)},${s.symbolId},${s.side === 'BUY' ? 1 : 0},${s.entry},${s.target},${s.stopLoss},${s.confidence},${s.atMs}`);
  }

  appendDenial(d: DenialRow): void {
    this.#denials.row(`${++this.#seq},${this.#scanner(d.scannerId)},${this.#symbolIdx.get(d.symbol) ?? -1},${d.atMs},${csvText(d.code)},${csvText(d.reason)}`);
  }

  appendOrder(o: OrderRow, outcome: string): void {
    this.#orders.push([o.clientOrderId, o.symbol, o.side, o.qty, o.type, o.limitPrice ?? null, o.triggerPrice ?? null, o.purpose, o.scannerId, o.signalId, outcome, o.atMs, ++this.#seq]);
  }

  appendFill(f: FillRow): void {
    this.#fills.push([f.fillId, f.clientOrderId, f.brokerOrderId, f.symbol, f.side, f.qty, f.price, f.purpose, f.scannerId, f.signalId, f.atMs, ++this.#seq]);
  }

  /** Flushes the buffers and writes the name tables; the tables stay readable until the connection closes. */
  async close(): Promise<void> {
    this.#signals.close();
    this.#denials.close();
    await this.c.run(`CREATE OR REPLACE TEMP VIEW j_signals AS SELECT * FROM ${readCsv(this.#signals, SIGNAL_COLUMNS)}`);
    await this.c.run(`CREATE OR REPLACE TEMP VIEW j_denials AS SELECT * FROM ${readCsv(this.#denials, DENIAL_COLUMNS)}`);
    await stageRows(this.c, 'j_orders', [['cid', 'VARCHAR'], ['symbol', 'VARCHAR'], ['side', 'VARCHAR'], ['qty', 'DOUBLE'], ['type', 'VARCHAR'], ['limit_p', 'DOUBLE'], ['trigger_p', 'DOUBLE'], ['purpose', 'VARCHAR'], ['scanner', 'VARCHAR'], ['signal_id', 'VARCHAR'], ['outcome', 'VARCHAR'], ['at_ms', 'DOUBLE'], ['seq', 'DOUBLE']], this.#orders);
    await stageRows(this.c, 'j_fills', [['fid', 'VARCHAR'], ['cid', 'VARCHAR'], ['bid', 'VARCHAR'], ['symbol', 'VARCHAR'], ['side', 'VARCHAR'], ['qty', 'DOUBLE'], ['price', 'DOUBLE'], ['purpose', 'VARCHAR'], ['scanner', 'VARCHAR'], ['signal_id', 'VARCHAR'], ['at_ms', 'DOUBLE'], ['seq', 'DOUBLE']], this.#fills);
    await stageRows(this.c, 'j_scanners', [['name', 'VARCHAR'], ['idx', 'DOUBLE']], [...this.#scannerIdx].map(([name, idx]) => [name, idx]));
    await stageRows(this.c, 'j_symbols', [['name', 'VARCHAR'], ['idx', 'DOUBLE']], this.symbols.map((name, idx) => [name, idx]));
  }

  /** Closes the spool files and drops the views over them (before the caller deletes them), after a failure too. */
  async drop(): Promise<void> {
    this.#signals.close();
    this.#denials.close();
    await this.c.run('DROP VIEW IF EXISTS j_signals');
    await this.c.run('DROP VIEW IF EXISTS j_denials');
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




const SIGNAL_COLUMNS = { seq: 'DOUBLE', scanner: 'DOUBLE', symbol: 'DOUBLE', buy: 'DOUBLE', entry_p: 'DOUBLE', target_p: 'DOUBLE', stop_p: 'DOUBLE', conf: 'DOUBLE', at_ms: 'DOUBLE' };
const DENIAL_COLUMNS = { seq: 'DOUBLE', scanner: 'DOUBLE', symbol: 'DOUBLE', at_ms: 'DOUBLE', code: 'VARCHAR', reason: 'VARCHAR' };

/** A spool file as a table expression; the dialect is given, not sniffed (an empty file is then simply no rows). */
const readCsv = (spool: CsvSpool, columns: Record<string, string>): string => {
  const spec = `{${Object.entries(columns).map(([n, t]) => `'${n}': '${t}'`).join(', ')}}`;
  return `read_csv('${spool.path.replaceAll("'", "''")}', auto_detect = false, header = false, delim = ',', quote = '"', escape = '"', columns = ${spec})`;
};
