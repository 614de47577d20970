import duckdb from '@duckdb/node-bindings';
import type { DuckDBConnection, DuckDBDataChunk, DuckDBValue } from '@duckdb/node-api';
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
  const select = `SELECT enum_code(symbol::${enumType})::INTEGER, epoch_ms(timestamp)::DOUBLE,
      (open * 100)::INTEGER, (high * 100)::INTEGER, (low * 100)::INTEGER, (close * 100)::INTEGER, volume::DOUBLE
    FROM market_data
    WHERE ${f.sql} AND trading_date BETWEEN $${next}::DATE AND $${next + 1}::DATE
      AND open IS NOT NULL AND high IS NOT NULL AND low IS NOT NULL AND close IS NOT NULL AND volume IS NOT NULL AND timestamp IS NOT NULL`;
  // Fast path: a table stored in (timestamp, symbol) order (as ingest and the generator write it) reads back in that
  // order with no sort. Every chunk is checked; on the first row out of order the rest of the slice is read again,
  // sorted, from the last row handed out (which is skipped once, so a duplicate of it still breaks the order check).
  const after = `AND (epoch_ms(timestamp) > $${next + 2} OR (epoch_ms(timestamp) = $${next + 2} AND enum_code(symbol::${enumType}) >= $${next + 3}))`;
  const sorted = `${select} ${after} ORDER BY timestamp, symbol`;
  async function* chunks(): AsyncGenerator<BarColumns> {
    if (names.length === 0) return;
    const last = { ms: -Infinity, sym: -1 };
    for (const [fromDay, toDay] of slices) {
      const inOrder = yield* streamChunks(c, select, toDuckValues([...f.params, fromDay, toDay]), last, false);
      if (!inOrder) yield* streamChunks(c, sorted, toDuckValues([...f.params, fromDay, toDay, last.ms, last.sym]), last, true);
    }
  }
  return { symbols, totalBars, tradingDates: days.map((d) => String(d[0])), chunks };
};

/**
 * Yields the chunks of one query while they continue (timestamp, symbol) order from `last` (updated as chunks are
 * handed out). The next chunk is fetched while the caller works on the current one. Returns false at the first
 * chunk out of order (not handed out) unless `mustBeOrdered`, where that is a broken invariant.
 */
async function* streamChunks(c: DuckDBConnection, sql: string, params: DuckDBValue[], last: { ms: number; sym: number }, mustBeOrdered: boolean): AsyncGenerator<BarColumns, boolean> {
  const result = await c.stream(sql, params);
  let pending = result.fetchChunk();
  let resumed = mustBeOrdered;
  for (let ch = await pending; ch !== null && ch.rowCount > 0; ch = await pending) {
    pending = result.fetchChunk();
    let cols = columnsOf(ch);
    if (resumed) {
      resumed = false;
      if (cols.startMs[0] === last.ms && cols.symbolId[0] === last.sym) cols = dropFirst(cols);
      if (cols.length === 0) continue;
    }
    if (!checkOrder(cols, last.ms, last.sym)) {
      if (mustBeOrdered) throw new InvariantError('replay bars out of (timestamp, symbol) order or duplicated', { atMs: last.ms });
      await pending.catch(() => undefined);
      return false;
    }
    last.ms = cols.startMs[cols.length - 1] ?? last.ms;
    last.sym = cols.symbolId[cols.length - 1] ?? last.sym;
    yield cols;
  }
  return true;
}

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

/** The columns view DuckDB's memory: they keep the chunk referenced so it outlives them. */
const columnsOf = (ch: DuckDBDataChunk): BarColumns & { readonly chunk: DuckDBDataChunk } => ({
  chunk: ch,
  length: ch.rowCount,
  symbolId: int32(ch, 0),
  startMs: float64(ch, 1),
  open: int32(ch, 2),
  high: int32(ch, 3),
  low: int32(ch, 4),
  close: int32(ch, 5),
  volume: float64(ch, 6),
});

const dropFirst = (c: BarColumns & { readonly chunk: DuckDBDataChunk }): BarColumns & { readonly chunk: DuckDBDataChunk } => ({
  chunk: c.chunk, length: c.length - 1, symbolId: c.symbolId.subarray(1), startMs: c.startMs.subarray(1),
  open: c.open.subarray(1), high: c.high.subarray(1), low: c.low.subarray(1), close: c.close.subarray(1), volume: c.volume.subarray(1),
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
