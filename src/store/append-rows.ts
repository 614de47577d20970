import { type DuckDBAppender, type DuckDBConnection, DuckDBTimestampValue } from '@duckdb/node-api';
import { StoreError } from './errors.js';

export type ColumnKind = 'VARCHAR' | 'DOUBLE' | 'BOOLEAN';
export type Cell = string | number | boolean | null;

/**
 * Loads plain rows into a fresh TEMP table through an appender (primitive types only), so that one set-based
 * INSERT … SELECT can convert units and types into the real table.
 */
export const stageRows = async (c: DuckDBConnection, table: string, columns: readonly (readonly [string, ColumnKind])[], rows: readonly (readonly Cell[])[]): Promise<void> => {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new RangeError(`bad staging table name ${table}`);
  await c.run(`CREATE OR REPLACE TEMP TABLE ${table} (${columns.map(([n, k]) => `"${n}" ${k}`).join(', ')})`);
  const a = await c.createAppender(table, null, 'temp');
  for (const row of rows) {
    columns.forEach(([, kind], i) => {
      const v = row[i];
      if (v === null || v === undefined) a.appendNull();
      else if (kind === 'VARCHAR') a.appendVarchar(String(v));
      else if (kind === 'DOUBLE') a.appendDouble(Number(v));
      else a.appendBoolean(Boolean(v));
    });
    a.endRow();
  }
  a.closeSync();
};

/** How a value reaches its column: text, a number DuckDB casts to the column's type, or epoch ms into a TIMESTAMP. */
export type AppendKind = 'text' | 'number' | 'epochMs';

/** A table's columns in its column order: name (for errors) and how each value is appended. */
export type AppendColumns = readonly (readonly [name: string, kind: AppendKind])[];

const appendCell = (a: DuckDBAppender, kind: AppendKind, v: Cell | undefined): void => {
  if (v === null || v === undefined) a.appendNull();
  else if (kind === 'text') a.appendVarchar(String(v));
  else if (kind === 'number') a.appendDouble(Number(v));
  else a.appendTimestamp(new DuckDBTimestampValue(BigInt(Math.round(Number(v) * 1000))));
};

const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

/**
 * Appends rows straight into a real table (in the caller's transaction, if one is open: a rollback drops them).
 * A number goes in as a DOUBLE and DuckDB casts it to the column's type (INTEGER, DECIMAL, …) exactly as
 * `CAST(x AS type)` does, so rows match what an INSERT … SELECT of the staged doubles gave, without a staging
 * table and its two statements. A value the column cannot hold fails with a StoreError naming the table, column
 * and row; the rows not yet flushed are cleared first, so nothing of the batch can reach the table later.
 */
export const appendRows = async (c: DuckDBConnection, table: string, columns: AppendColumns, rows: readonly (readonly Cell[])[]): Promise<void> => {
  if (rows.length === 0) return;
  const a = await c.createAppender(table);
  const kinds = columns.map(([, kind]) => kind);
  let r = 0;
  let i = 0;
  try {
    if (a.columnCount !== columns.length) throw new StoreError('STORE_BAD_ARGUMENT', `${table} has ${a.columnCount} columns, the writer knows ${columns.length}`, { table });
    for (; r < rows.length; r++) {
      const row = rows[r] as readonly Cell[];
      for (i = 0; i < kinds.length; i++) appendCell(a, kinds[i] as AppendKind, row[i]);
      a.endRow();
    }
    a.flushSync();
  } catch (e) {
    a.clear();
    if (e instanceof StoreError) throw e;
    const at = r < rows.length ? ` column ${columns[i]?.[0] ?? i}, row ${r + 1} of ${rows.length}` : ` (${rows.length} rows)`;
    throw new StoreError('STORE_QUERY_FAILED', `cannot write ${table}${at}: ${firstLine(e)}`, { table }, { cause: e });
  } finally {
    a.closeSync();
  }
};
