import type { DuckDBConnection } from '@duckdb/node-api';
import { type Bar, istDateString, istDay } from '../core/index.js';
import { type Cell, stageRows } from './append-rows.js';
import type { DuckDbStore } from './duckdb-store.js';
import { refreshQualityMetrics } from './quality/index.js';

const COLUMNS = [['symbol', 'VARCHAR'], ['start_ms', 'DOUBLE'], ['open', 'DOUBLE'], ['high', 'DOUBLE'], ['low', 'DOUBLE'], ['close', 'DOUBLE'], ['volume', 'DOUBLE']] as const;
/** Symbols per data-quality refresh at close. */
const QUALITY_BATCH = 100;
/** DuckDB's memory limit for the refresh at close (a day of 100 symbols needs a few MB). */
const QUALITY_MEMORY_MB = 32;

/**
 * Records live bars into `market_data` so a live session can be replayed: `append` only buffers (the hot path
 * never waits for DuckDB); `flush` writes the buffer in one set-based insert on the recorder's own connection,
 * skipping bars already stored. Writes are serialised, so flushes never overlap.
 */
export class BarRecorder {
  #buffer: Cell[][] = [];
  #chain: Promise<unknown> = Promise.resolve();
  #written = 0;
  readonly #symbols = new Set<string>();
  #from = Number.POSITIVE_INFINITY;
  #to = 0;

  private constructor(private readonly c: DuckDBConnection) {}

  static async open(store: DuckDbStore): Promise<BarRecorder> {
    return new BarRecorder(await store.connect());
  }

  append(bar: Bar): void {
    this.#buffer.push([bar.symbol, bar.startMs, bar.open, bar.high, bar.low, bar.close, bar.volume]);
    this.#symbols.add(bar.symbol);
    this.#from = Math.min(this.#from, bar.startMs);
    this.#to = Math.max(this.#to, bar.startMs);
  }

  get pending(): number {
    return this.#buffer.length;
  }

  get written(): number {
    return this.#written;
  }

  /** Writes what is buffered; resolves with the number of new rows. */
  flush(): Promise<number> {
    const rows = this.#buffer;
    this.#buffer = [];
    const run = this.#chain.then(() => (rows.length === 0 ? 0 : this.#write(rows)));
    this.#chain = run.catch(() => undefined);
    return run;
  }

  /**
   * Flushes, refreshes the data-quality metrics of the recorded symbol-days, and releases the connection: the
   * store's last work (nothing may use the store after it). The refresh runs QUALITY_BATCH symbols at a time, on one
   * DuckDB thread within QUALITY_MEMORY_MB: the day's recording no longer needs the buffer pool, and the refresh
   * within the session's pool was the daemon's largest memory peak (about 20 MB above the trading day).
   */
  async close(): Promise<void> {
    await this.flush();
    const symbols = [...this.#symbols].sort();
    const day = (ms: number) => istDateString(istDay(ms));
    await this.c.run(`SET threads = 1`);
    await this.c.run(`SET memory_limit = '${QUALITY_MEMORY_MB}MB'`);
    for (let i = 0; i < symbols.length; i += QUALITY_BATCH) {
      await refreshQualityMetrics(this.c, { symbols: symbols.slice(i, i + QUALITY_BATCH), from: day(this.#from), to: day(this.#to) });
    }
    this.c.closeSync();
  }

  async #write(rows: readonly Cell[][]): Promise<number> {
    await stageRows(this.c, 'rec_stage', COLUMNS, rows);
    // The batch's own time span, as constants: the duplicate check then reads only the row groups of that span
    // (zone maps), not the whole table every flush (which also filled DuckDB's buffer pool with old days).
    let from = Infinity;
    let to = -Infinity;
    for (const row of rows) {
      const t = Number(row[1]);
      if (t < from) from = t;
      if (t > to) to = t;
    }
    const r = await this.c.run(`INSERT INTO market_data (symbol, timestamp, open, high, low, close, volume, trading_date, last_traded_price)
      SELECT s.symbol, make_timestamp(CAST(s.start_ms AS BIGINT) * 1000), (s.open / 100)::DECIMAL(10,2), (s.high / 100)::DECIMAL(10,2),
        (s.low / 100)::DECIMAL(10,2), (s.close / 100)::DECIMAL(10,2), CAST(s.volume AS BIGINT),
        CAST(make_timestamp(CAST(s.start_ms AS BIGINT) * 1000) + INTERVAL 330 MINUTE AS DATE), (s.close / 100)::DECIMAL(10,2)
      FROM rec_stage s
      WHERE NOT EXISTS (SELECT 1 FROM market_data m WHERE m.timestamp BETWEEN make_timestamp($1::BIGINT * 1000) AND make_timestamp($2::BIGINT * 1000)
        AND m.symbol = s.symbol AND m.timestamp = make_timestamp(CAST(s.start_ms AS BIGINT) * 1000))`, [from, to]);
    const n = Number(r.rowsChanged);
    this.#written += n;
    return n;
  }
}
