import { existsSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { IngestError } from './errors.js';

export const REQUIRED_COLUMNS = ['symbol', 'timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;
export const OPTIONAL_COLUMNS = ['sector', 'bid_price', 'ask_price', 'bid_qty', 'ask_qty', 'last_traded_price', 'last_traded_qty'] as const;

const formatOf = (file: string): 'csv' | 'parquet' => {
  if (/\.csv(\.gz)?$/i.test(file)) return 'csv';
  if (/\.parquet$/i.test(file)) return 'parquet';
  throw new IngestError('INGEST_UNSUPPORTED_FORMAT', file, 'unsupported file type (expected .csv, .csv.gz or .parquet)');
};

const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

/**
 * Loads one file with DuckDB's own reader into a TEMP table (CSV as text, so bad values become reject
 * reasons, not load failures; rows keep file order, so rowid − first rowid + 2 is the CSV line) and checks its columns.
 * Returns the lower-cased column names it has.
 */
export const loadSourceFile = async (c: DuckDBConnection, file: string, table: string): Promise<Set<string>> => {
  if (!existsSync(file)) throw new IngestError('INGEST_FILE_MISSING', file, 'file does not exist');
  const fmt = formatOf(file);
  const reader = fmt === 'csv' ? 'read_csv($1, header = true, all_varchar = true, auto_detect = true)' : 'read_parquet($1)';
  try {
    await c.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM ${reader}`, [file]);
  } catch (e) {
    throw new IngestError('INGEST_FILE_UNREADABLE', file, `cannot read ${fmt}: ${firstLine(e)}`, { cause: e });
  }
  const cols = new Set((await c.runAndReadAll(`SELECT lower(column_name) FROM (DESCRIBE ${table})`)).getRows().map((r) => String(r[0])));
  const missing = REQUIRED_COLUMNS.filter((r) => !cols.has(r));
  if (missing.length > 0) throw new IngestError('INGEST_BAD_SHAPE', file, `missing required column(s): ${missing.join(', ')}`);
  return cols;
};
