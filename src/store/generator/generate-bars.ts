import { DuckDBDataChunk, INTEGER } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { TradingCalendar, istTimeOnDay, parseIstDate } from '../../core/index.js';
import type { DuckDbStore } from '../duckdb-store.js';
import { StoreError } from '../errors.js';
import { refreshQualityMetrics } from '../quality/refresh-quality.js';
import { BarModel, type DayColumns } from './bar-model.js';
import { universe } from './universe.js';

export interface GenerateOptions {
  readonly symbols: number;
  /** Trading sessions to generate. */
  readonly days: number;
  readonly seed: number;
  /** First calendar date (IST), "YYYY-MM-DD". */
  readonly startDate: string;
  readonly holidays?: readonly string[];
  /** Called after each generated day (progress). */
  readonly onDay?: (done: number, total: number) => void;
}

export interface GenerateReport {
  readonly inserted: number;
  readonly duplicates: number;
  readonly symbols: readonly string[];
  readonly fromDate: string;
  readonly toDate: string;
}

const STAGE_COLUMNS = 8;
const SESSION_OPEN_MINUTE = 555; // 09:15 IST

/**
 * Writes deterministic NSE one-minute bars: generated in typed arrays, appended to a staging table in columnar
 * chunks, then inserted into market_data in (timestamp, symbol) order in one transaction.
 */
export const generateBars = async (store: DuckDbStore, o: GenerateOptions): Promise<GenerateReport> => {
  if (!Number.isInteger(o.days) || o.days < 1) throw new StoreError('STORE_BAD_ARGUMENT', `days must be a positive integer: ${o.days}`);
  const syms = universe(o.symbols).sort((a, b) => (a.symbol < b.symbol ? -1 : 1));
  const calendar = new TradingCalendar(o.holidays ?? []);
  const days = calendar.tradingDaysFrom(parseIstDate(o.startDate), o.days);
  const c = store.connection;
  await c.run('CREATE OR REPLACE TEMP TABLE gen_stage (sym INTEGER, ts_min INTEGER, open INTEGER, high INTEGER, low INTEGER, close INTEGER, volume INTEGER, day INTEGER)');
  await c.run('CREATE OR REPLACE TEMP TABLE gen_symbols (sym INTEGER, symbol VARCHAR, sector VARCHAR)');
  const symAppender = await c.createAppender('gen_symbols', null, 'temp');
  syms.forEach((s, i) => {
    symAppender.appendInteger(i);
    symAppender.appendVarchar(s.symbol);
    symAppender.appendVarchar(s.sector);
    symAppender.endRow();
  });
  symAppender.closeSync();
  const model = new BarModel(o.seed, syms.length);
  const appender = await c.createAppender('gen_stage', null, 'temp');
  const chunk = DuckDBDataChunk.create(Array.from({ length: STAGE_COLUMNS }, () => INTEGER), 2048);
  days.forEach((day, k) => {
    appendDay(chunk, model.nextDay(), day, (ch) => appender.appendDataChunk(ch));
    o.onDay?.(k + 1, days.length);
  });
  appender.closeSync();
  const before = await countRows(c);
  await store.transaction(async (t) => {
    await t.run(`INSERT INTO market_data (symbol, timestamp, open, high, low, close, volume, trading_date, sector)
      SELECT g.symbol, to_timestamp(s.ts_min::BIGINT * 60)::TIMESTAMP AS ts,
        (s.open / 100)::DECIMAL(10,2), (s.high / 100)::DECIMAL(10,2), (s.low / 100)::DECIMAL(10,2), (s.close / 100)::DECIMAL(10,2),
        s.volume::BIGINT, (DATE '1970-01-01' + s.day::INTEGER), g.sector
      FROM gen_stage s JOIN gen_symbols g USING (sym)
      WHERE NOT EXISTS (SELECT 1 FROM market_data m WHERE m.symbol = g.symbol AND m.timestamp = to_timestamp(s.ts_min::BIGINT * 60)::TIMESTAMP)
      ORDER BY ts, g.symbol`);
    await refreshQualityMetrics(t, { symbols: syms.map((s) => s.symbol), from: TradingCalendar.dateOf(days[0] ?? 0), to: TradingCalendar.dateOf(days[days.length - 1] ?? 0) });
  });
  const inserted = (await countRows(c)) - before;
  await c.run('DROP TABLE gen_stage');
  await c.run('DROP TABLE gen_symbols');
  const total = days.length * syms.length * 375;
  return {
    inserted, duplicates: total - inserted, symbols: syms.map((s) => s.symbol),
    fromDate: TradingCalendar.dateOf(days[0] ?? 0), toDate: TradingCalendar.dateOf(days[days.length - 1] ?? 0),
  };
};

const countRows = async (c: DuckDBConnection): Promise<number> =>
  Number((await c.runAndReadAll('SELECT count(*)::DOUBLE FROM market_data')).getRows()[0]?.[0] ?? 0);

const appendDay = (chunk: DuckDBDataChunk, d: DayColumns, day: number, flush: (c: DuckDBDataChunk) => void): void => {
  const dayOpenMin = istTimeOnDay(day, SESSION_OPEN_MINUTE) / 60_000;
  const cols = [d.sym, d.minuteIndex, d.open, d.high, d.low, d.close, d.volume];
  for (let base = 0; base < d.rows; base += 2048) {
    const n = Math.min(2048, d.rows - base);
    chunk.rowCount = n;
    for (let col = 0; col < STAGE_COLUMNS; col++) {
      const vec = chunk.getColumnVector(col);
      const src = cols[col];
      for (let i = 0; i < n; i++) {
        const v = col === 1 ? dayOpenMin + (d.minuteIndex[base + i] ?? 0) : col === 7 ? day : (src?.[base + i] ?? 0);
        vec.setItem(i, v);
      }
      vec.flush();
    }
    flush(chunk);
  }
};
