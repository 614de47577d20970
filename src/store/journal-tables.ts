import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type Cell, stageRows } from './append-rows.js';
import { ColumnSpool } from './column-spool.js';
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
 * A run's journal as TEMP tables for the results writer. Signals and denials (millions in a long replay) are
 * spooled as they happen to binary column files in a scratch directory (column-spool.ts: typed arrays, one write
 * per 2,048 rows, no text per row), so a long replay keeps none of them in memory; they are loaded into DuckDB
 * a slice at a time when the results are written.
 * Scanner and symbol names live in `j_scanners` and `j_symbols`, denial codes in `j_codes`; signal ids are rebuilt
 * in SQL as scanner:symbol:closeMs. A denial's reason text is written once to `reasons.csv` when first seen and
 * referred to by number after that (the table of seen reasons is bounded: when full it starts again, and a reason
 * seen again is written again).
 */
export class JournalTables {
  readonly #scannerIdx = new Map<string, number>();
  readonly #symbolIdx = new Map<string, number>();
  readonly #codeIdx = new Map<string, number>();
  readonly #reasonIdx = new Map<string, number>();
  #reasons = 0;
  #lastReason: string | undefined;
  #lastReasonId = -1;
  /** Orders and fills are few (a handful per trade): kept as rows and staged by `stage`. */
  readonly #orders: Cell[][] = [];
  readonly #fills: Cell[][] = [];
  readonly #signals: ColumnSpool;
  readonly #denials: ColumnSpool;
  readonly #reasonText: CsvSpool;
  readonly #s: { seq: Int32Array; scanner: Int32Array; symbol: Int32Array; buy: Int32Array; entry: Float64Array; target: Float64Array; stop: Float64Array; conf: Float64Array; at: Float64Array };
  readonly #d: { seq: Int32Array; scanner: Int32Array; symbol: Int32Array; at: Float64Array; code: Int32Array; reason: Int32Array };
  #seq = 0;

  /** `scratchDir`: an existing directory for the spool files; the caller deletes it after the results are written. */
  constructor(private readonly c: DuckDBConnection, private readonly symbols: readonly string[], scratchDir: string) {
    symbols.forEach((s, i) => this.#symbolIdx.set(s, i));
    const sg = (this.#signals = new ColumnSpool(join(scratchDir, 'signals.bin'), SIGNAL_COLUMNS));
    this.#s = { seq: sg.int32(0), scanner: sg.int32(1), symbol: sg.int32(2), buy: sg.int32(3), entry: sg.float64(4), target: sg.float64(5), stop: sg.float64(6), conf: sg.float64(7), at: sg.float64(8) };
    const dn = (this.#denials = new ColumnSpool(join(scratchDir, 'denials.bin'), DENIAL_COLUMNS));
    this.#d = { seq: dn.int32(0), scanner: dn.int32(1), symbol: dn.int32(2), at: dn.float64(3), code: dn.int32(4), reason: dn.int32(5) };
    this.#reasonText = new CsvSpool(join(scratchDir, 'reasons.csv'));
  }

  appendSignal(s: SignalRow): void {
    const r = this.#signals.row();
    const c = this.#s;
    c.seq[r] = ++this.#seq;
    c.scanner[r] = this.#scanner(s.scannerId);
    c.symbol[r] = s.symbolId;
    c.buy[r] = s.side === 'BUY' ? 1 : 0;
    c.entry[r] = s.entry;
    c.target[r] = s.target;
    c.stop[r] = s.stopLoss;
    c.conf[r] = s.confidence;
    c.at[r] = s.atMs;
  }

  appendDenial(d: DenialRow): void {
    const r = this.#denials.row();
    const c = this.#d;
    c.seq[r] = ++this.#seq;
    c.scanner[r] = this.#scanner(d.scannerId);
    c.symbol[r] = this.#symbolIdx.get(d.symbol) ?? -1;
    c.at[r] = d.atMs;
    c.code[r] = this.#code(d.code);
    c.reason[r] = this.#reason(d.reason);
  }

  appendOrder(o: OrderRow, outcome: string): void {
    this.#orders.push([o.clientOrderId, o.symbol, o.side, o.qty, o.type, o.limitPrice ?? null, o.triggerPrice ?? null, o.purpose, o.scannerId, o.signalId, outcome, o.atMs, ++this.#seq]);
  }

  appendFill(f: FillRow): void {
    this.#fills.push([f.fillId, f.clientOrderId, f.brokerOrderId, f.symbol, f.side, f.qty, f.price, f.purpose, f.scannerId, f.signalId, f.atMs, ++this.#seq]);
  }

  /** The end of the run: writes what is pending and closes the spool files (again: nothing). */
  close(): void {
    this.#signals.close();
    this.#denials.close();
    this.#reasonText.close();
  }

  /**
   * Closes the spools and stages the name tables, orders and fills for the results writer; signals and denials are
   * loaded a slice at a time by `eachSignalSlice` / `eachDenialSlice`. The tables stay until the connection closes.
   */
  async stage(): Promise<void> {
    this.close();
    await stageRows(this.c, 'j_codes', [['name', 'VARCHAR'], ['idx', 'DOUBLE']], [...this.#codeIdx].map(([name, idx]) => [name, idx]));
    await this.c.run(`CREATE OR REPLACE TEMP TABLE j_reasons AS SELECT * FROM ${readCsv(this.#reasonText.path, REASON_COLUMNS)}`);
    await this.#denials.load(this.c, 'j_denial_rows', 0, 0);
    await this.c.run(`CREATE OR REPLACE TEMP VIEW j_denials AS SELECT d.seq, d.scanner, d.symbol, d.at_ms, c.name AS code, r.text AS reason
      FROM j_denial_rows d JOIN j_codes c ON c.idx = d.code JOIN j_reasons r ON r.id = d.reason`);
    await stageRows(this.c, 'j_orders', [['cid', 'VARCHAR'], ['symbol', 'VARCHAR'], ['side', 'VARCHAR'], ['qty', 'DOUBLE'], ['type', 'VARCHAR'], ['limit_p', 'DOUBLE'], ['trigger_p', 'DOUBLE'], ['purpose', 'VARCHAR'], ['scanner', 'VARCHAR'], ['signal_id', 'VARCHAR'], ['outcome', 'VARCHAR'], ['at_ms', 'DOUBLE'], ['seq', 'DOUBLE']], this.#orders);
    await stageRows(this.c, 'j_fills', [['fid', 'VARCHAR'], ['cid', 'VARCHAR'], ['bid', 'VARCHAR'], ['symbol', 'VARCHAR'], ['side', 'VARCHAR'], ['qty', 'DOUBLE'], ['price', 'DOUBLE'], ['purpose', 'VARCHAR'], ['scanner', 'VARCHAR'], ['signal_id', 'VARCHAR'], ['at_ms', 'DOUBLE'], ['seq', 'DOUBLE']], this.#fills);
    await stageRows(this.c, 'j_scanners', [['name', 'VARCHAR'], ['idx', 'DOUBLE']], [...this.#scannerIdx].map(([name, idx]) => [name, idx]));
    await stageRows(this.c, 'j_symbols', [['name', 'VARCHAR'], ['idx', 'DOUBLE']], this.symbols.map((name, idx) => [name, idx]));
  }

  /**
   * Loads the signals into `j_signals`, `SLICE_BLOCKS` blocks (in journal order) at a time, and runs `use` on each
   * slice: a long replay's million signals never sit in DuckDB's memory at once. An empty journal gives one empty slice.
   */
  async eachSignalSlice(use: () => Promise<void>): Promise<void> {
    await eachSlice(this.#signals, this.c, 'j_signals', use);
  }

  /** The same for the denials, in `j_denials` (a view naming their code and reason). */
  async eachDenialSlice(use: () => Promise<void>): Promise<void> {
    await eachSlice(this.#denials, this.c, 'j_denial_rows', use);
  }

  /** Closes the spool files and drops the views over them (before the caller deletes them), after a failure too. */
  async drop(): Promise<void> {
    this.close();
    await this.c.run('DROP VIEW IF EXISTS j_denials');
    await this.c.run('DROP TABLE IF EXISTS j_signals');
    await this.c.run('DROP TABLE IF EXISTS j_denial_rows');
    await this.c.run('DROP TABLE IF EXISTS j_reasons');
  }

  #scanner(id: string): number {
    return intern(this.#scannerIdx, id);
  }

  #code(code: string): number {
    return intern(this.#codeIdx, code);
  }

  #reason(text: string): number {
    // runs of one reason are common ("trading is halted" for the rest of a day): the same string object, no hashing
    if (text === this.#lastReason) return this.#lastReasonId;
    let i = this.#reasonIdx.get(text);
    if (i === undefined) {
      if (this.#reasonIdx.size >= MAX_KNOWN_REASONS) this.#reasonIdx.clear();
      i = this.#reasons++;
      this.#reasonIdx.set(text, i);
      this.#reasonText.row(`${i},${csvText(text)}`);
    }
    this.#lastReason = text;
    this.#lastReasonId = i;
    return i;
  }
}

/** The number of `name` in `names`, given the next one when it is new (names are numbered in order of appearance). */
const intern = (names: Map<string, number>, name: string): number => {
  let i = names.get(name);
  if (i === undefined) {
    i = names.size;
    names.set(name, i);
  }
  return i;
};

/** Spool blocks loaded into DuckDB at once when results are written: 64 × 2,048 = 131,072 rows. */
const SLICE_BLOCKS = 64;

const eachSlice = async (spool: ColumnSpool, c: DuckDBConnection, table: string, use: () => Promise<void>): Promise<void> => {
  spool.close();
  const blocks = spool.blockCount;
  for (let from = 0; from === 0 || from < blocks; from += SLICE_BLOCKS) {
    await spool.load(c, table, from, from + SLICE_BLOCKS);
    await use();
  }
};

/** Distinct denial reasons remembered at once (most repeat: "trading is halted"); past it the table starts again. */
const MAX_KNOWN_REASONS = 4096;

const SIGNAL_COLUMNS = [['seq', 'INTEGER'], ['scanner', 'INTEGER'], ['symbol', 'INTEGER'], ['buy', 'INTEGER'], ['entry_p', 'DOUBLE'], ['target_p', 'DOUBLE'], ['stop_p', 'DOUBLE'], ['conf', 'DOUBLE'], ['at_ms', 'DOUBLE']] as const;
const DENIAL_COLUMNS = [['seq', 'INTEGER'], ['scanner', 'INTEGER'], ['symbol', 'INTEGER'], ['at_ms', 'DOUBLE'], ['code', 'INTEGER'], ['reason', 'INTEGER']] as const;
const REASON_COLUMNS = { id: 'INTEGER', text: 'VARCHAR' };

/** A spool file as a table expression; the dialect is given, not sniffed (an empty file is then simply no rows). */
const readCsv = (path: string, columns: Record<string, string>): string => {
  const spec = `{${Object.entries(columns).map(([n, t]) => `'${n}': '${t}'`).join(', ')}}`;
  return `read_csv('${path.replaceAll("'", "''")}', auto_detect = false, header = false, delim = ',', quote = '"', escape = '"', columns = ${spec})`;
};
