import duckdb from '@duckdb/node-bindings';
import type { DuckDBConnection, DuckDBDataChunk } from '@duckdb/node-api';
import { InvariantError, SymbolTable } from '../core/index.js';
import { type BarRange, rangeFilter } from './bar-range.js';
import { toDuckValues } from './duck-values.js';

/** One DuckDB chunk of bars as typed columns (valid only until the next chunk is requested). */
export interface BarColumns {
  readonly length: number;
  readonly symbolId: Int32Array;
  readonly startMs: Float64Array;
  readonly open: Int32Array;
  readonly high: Int32Array;
  readonly low: Int32Array;
  readonly close: Int32Array;
  readonly volume: Float64Array;
}

export interface BarReader {
  readonly symbols: SymbolTable;
  readonly totalBars: number;
  /** IST trading dates present in the range, ascending. */
  readonly tradingDates: readonly string[];
  chunks(): AsyncGenerator<BarColumns>;
}

const SLICE_TARGET_ROWS = 100_000;

/**
 * Streams bars ordered by (timestamp, symbol) in columnar chunks, reading the raw DuckDB vectors (no row
 * objects). The range is read in slices of whole trading days so memory stays flat however long it is.
 */
export const openBarReader = async (c: DuckDBConnection, range: BarRange): Promise<BarReader> => {
  const f = rangeFilter(range);
  const values = toDuckValues(f.params);
  const names = (await c.runAndReadAll(`SELECT DISTINCT symbol FROM market_data WHERE ${f.sql} ORDER BY 1`, values)).getRows().map((r) => String(r[0]));
  const days = (await c.runAndReadAll(`SELECT trading_date::VARCHAR, count(*)::DOUBLE FROM market_data WHERE ${f.sql} GROUP BY 1 ORDER BY 1`, values)).getRows();
  const symbols = new SymbolTable(names);
  const slices = planSlices(days.map((d) => [String(d[0]), Number(d[1])]));
  const totalBars = days.reduce((n, d) => n + Number(d[1]), 0);
  const enumType = `ENUM(${names.map((n) => `'${n.replaceAll("'", "''")}'`).join(', ')})`;
  const next = f.params.length + 1;
  const sql = `SELECT enum_code(symbol::${enumType})::INTEGER, epoch_ms(timestamp)::DOUBLE,
      (open * 100)::INTEGER, (high * 100)::INTEGER, (low * 100)::INTEGER, (close * 100)::INTEGER, volume::DOUBLE
    FROM market_data
    WHERE ${f.sql} AND trading_date BETWEEN $${next}::DATE AND $${next + 1}::DATE
      AND open IS NOT NULL AND high IS NOT NULL AND low IS NOT NULL AND close IS NOT NULL AND volume IS NOT NULL AND timestamp IS NOT NULL
    ORDER BY timestamp, symbol`;
  async function* chunks(): AsyncGenerator<BarColumns> {
    if (names.length === 0) return;
    let lastMs = -Infinity;
    let lastSym = -1;
    for (const [fromDay, toDay] of slices) {
      const result = await c.stream(sql, toDuckValues([...f.params, fromDay, toDay]));
      for (let ch = await result.fetchChunk(); ch !== null && ch.rowCount > 0; ch = await result.fetchChunk()) {
        const cols = columnsOf(ch);
        const ok = checkOrder(cols, lastMs, lastSym);
        lastMs = cols.startMs[cols.length - 1] ?? lastMs;
        lastSym = cols.symbolId[cols.length - 1] ?? lastSym;
        if (!ok) throw new InvariantError('replay bars out of (timestamp, symbol) order or duplicated', { atMs: lastMs });
        yield cols;
      }
    }
  }
  return { symbols, totalBars, tradingDates: days.map((d) => String(d[0])), chunks };
};

const planSlices = (days: readonly (readonly [string, number])[]): [string, string][] => {
  const out: [string, string][] = [];
  let start: string | undefined;
  let rows = 0;
  days.forEach(([day, n], i) => {
    start ??= day;
    rows += n;
    if (rows >= SLICE_TARGET_ROWS || i === days.length - 1) {
      out.push([start, day]);
      start = undefined;
      rows = 0;
    }
  });
  return out;
};

const int32 = (ch: DuckDBDataChunk, col: number): Int32Array => {
  const n = ch.rowCount;
  const u = duckdb.vector_get_data(duckdb.data_chunk_get_vector(ch.chunk, col), n * 4);
  return new Int32Array(u.buffer, u.byteOffset, n);
};

const float64 = (ch: DuckDBDataChunk, col: number): Float64Array => {
  const n = ch.rowCount;
  const u = duckdb.vector_get_data(duckdb.data_chunk_get_vector(ch.chunk, col), n * 8);
  return new Float64Array(u.buffer, u.byteOffset, n);
};

const columnsOf = (ch: DuckDBDataChunk): BarColumns => ({
  length: ch.rowCount,
  symbolId: int32(ch, 0),
  startMs: float64(ch, 1),
  open: int32(ch, 2),
  high: int32(ch, 3),
  low: int32(ch, 4),
  close: int32(ch, 5),
  volume: float64(ch, 6),
});

/** Strictly increasing (startMs, symbolId) within the chunk and after the previous one. */
const checkOrder = (c: BarColumns, prevMs: number, prevSym: number): boolean => {
  let pm = prevMs;
  let ps = prevSym;
  for (let i = 0; i < c.length; i++) {
    const t = c.startMs[i] as number;
    const s = c.symbolId[i] as number;
    if (t < pm || (t === pm && s <= ps)) return false;
    pm = t;
    ps = s;
  }
  return true;
};
