import type { DuckDBConnection } from '@duckdb/node-api';
import type { DuckDbStore } from '../duckdb-store.js';
import { refreshQualityMetrics } from '../quality/refresh-quality.js';
import { IngestError } from './errors.js';
import { type IngestReport, buildReport } from './ingest-report.js';
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS, loadSourceFile } from './source-file.js';
import { checkedTableSql, markInFileDuplicatesSql, timestampTableSql } from './validate-sql.js';

export interface IngestOptions {
  /** Zone of timestamps without an offset (IANA name or fixed offset). Default Asia/Kolkata. */
  readonly tz?: string;
  /** First minute of the IST session a bar may start at (09:15 = 555). */
  readonly sessionStartMinute?: number;
  /** Bars must start before this IST minute (15:30 = 930). */
  readonly sessionEndMinute?: number;
}

const RAW_COLUMNS = ['symbol', 'ts', 'open', 'high', 'low', 'close', 'volume', ...OPTIONAL_COLUMNS];

/**
 * Loads CSV or Parquet bars through DuckDB's readers, validates every row in SQL, inserts the valid new ones in
 * (timestamp, symbol) order, records rejects with reason, file and line, and refreshes the data-quality metrics of
 * the symbol-days touched: all in one transaction, so any error leaves the database as it was.
 */
export const ingestFiles = async (store: DuckDbStore, files: readonly string[], o: IngestOptions = {}): Promise<IngestReport> => {
  if (files.length === 0) throw new IngestError('INGEST_BAD_OPTION', '(no files)', 'give at least one file');
  const tz = o.tz ?? 'Asia/Kolkata';
  const c = store.connection;
  await assertZone(c, tz);
  return store.transaction(async () => {
    const parts: string[] = [];
    for (const [idx, file] of files.entries()) {
      const cols = await loadSourceFile(c, file, `ing_file_${idx}`);
      const pick = (n: string) => (cols.has(n) ? `CAST("${n}" AS VARCHAR)` : 'NULL::VARCHAR');
      parts.push(`SELECT ${idx} AS file_idx, rowid - (SELECT min(rowid) FROM ing_file_${idx}) + 2 AS line_no, ${[...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].map((n, i) => `${pick(n)} AS "${RAW_COLUMNS[i]}"`).join(', ')} FROM ing_file_${idx}`);
    }
    await c.run(`CREATE OR REPLACE TEMP VIEW ing_raw AS ${parts.join(' UNION ALL ')}`);
    await c.run(timestampTableSql, [tz]);
    await c.run(checkedTableSql(o.sessionStartMinute ?? 555, o.sessionEndMinute ?? 930));
    await c.run(markInFileDuplicatesSql);
    const id = String((await c.runAndReadAll(`SELECT 'ing-' || substr(uuid()::VARCHAR, 1, 8)`)).getRows()[0]?.[0]);
    await c.run(`CREATE OR REPLACE TEMP TABLE ing_files (file_idx INTEGER, file VARCHAR)`);
    for (const [idx, file] of files.entries()) await c.run(`INSERT INTO ing_files VALUES ($1, $2)`, [idx, file]);
    await c.run(`INSERT INTO ingest_rejects SELECT $1, f.file, k.line_no, k.final_reason,
        to_json({symbol: k.symbol, timestamp: k.ts, open: k.open, high: k.high, low: k.low, close: k.close, volume: k.volume})::VARCHAR,
        k.sym, CAST(k.ts_utc + INTERVAL 330 MINUTE AS DATE), current_timestamp::TIMESTAMP
      FROM ing_checked k JOIN ing_files f USING (file_idx) WHERE k.final_reason IS NOT NULL`, [id]);
    await c.run(`INSERT INTO market_data SELECT sym, ts_utc, o::DECIMAL(10,2), h::DECIMAL(10,2), l::DECIMAL(10,2), c::DECIMAL(10,2), v,
        CAST(ts_utc + INTERVAL 330 MINUTE AS DATE), nullif(trim(sector), ''), TRY_CAST(bid_price AS DECIMAL(10,2)), TRY_CAST(ask_price AS DECIMAL(10,2)),
        TRY_CAST(bid_qty AS INTEGER), TRY_CAST(ask_qty AS INTEGER), TRY_CAST(last_traded_price AS DECIMAL(10,2)), TRY_CAST(last_traded_qty AS INTEGER)
      FROM ing_checked WHERE final_reason IS NULL AND NOT present ORDER BY ts_utc, sym`);
    await refreshQualityMetrics(c, { pairsTable: 'ing_checked' });
    return buildReport(c, id);
  });
};

const assertZone = async (c: DuckDBConnection, tz: string): Promise<void> => {
  try {
    await c.run(`SELECT timezone($1, TIMESTAMP '2025-01-01 00:00:00')`, [tz]);
  } catch (e) {
    throw new IngestError('INGEST_BAD_OPTION', '--tz', `unknown time zone "${tz}"`, { cause: e });
  }
};
