import { type DuckDBAppender, type DuckDBConnection, DuckDBTimestampValue } from '@duckdb/node-api';
import { StoreError } from './errors.js';

export type Cell = string | number | boolean | null;

/** How a value reaches its column: text, a number DuckDB casts to the column's type, epoch ms into a TIMESTAMP, or a boolean. */
export type AppendKind = 'text' | 'number' | 'epochMs' | 'boolean';

/** A table's columns in its column order: name (for errors) and how each value is appended. */
export type AppendColumns = readonly (readonly [name: string, kind: AppendKind])[];

const appendCell = (a: DuckDBAppender, kind: AppendKind, v: Cell | undefined): void => {
  if (v === null || v === undefined) a.appendNull();
  else if (kind === 'text') a.appendVarchar(String(v));
  else if (kind === 'number') a.appendDouble(Number(v));
  else if (kind === 'boolean') a.appendBoolean(Boolean(v));
  else a.appendTimestamp(new DuckDBTimestampValue(BigInt(Math.round(Number(v) * 1000))));
};

const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

/**
 * Appends rows into a table (`catalog` 'temp' for a TEMP table), in the caller's transaction if one is open: a
 * rollback drops them. A number goes in as a DOUBLE and DuckDB casts it to the column's type (INTEGER, DECIMAL, …)
 * exactly as `CAST(x AS type)` does, so appending straight into a real table gives the rows an INSERT … SELECT of
 * staged doubles gives, without the staging table and its two statements. A value the column cannot hold fails
 * with a StoreError naming the table, column and row; the rows not yet flushed are cleared first, so nothing of the
 * batch can reach the table later.
 */
export const appendRows = async (c: DuckDBConnection, table: string, columns: AppendColumns, rows: readonly (readonly Cell[])[], catalog: string | null = null): Promise<void> => {
  if (rows.length === 0) return;
  const a = await c.createAppender(table, null, catalog);
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

export type ColumnKind = 'VARCHAR' | 'DOUBLE' | 'BOOLEAN';
const STAGED: Record<ColumnKind, AppendKind> = { VARCHAR: 'text', DOUBLE: 'number', BOOLEAN: 'boolean' };

/**
 * Loads plain rows into a fresh TEMP table through an appender (primitive types only), so that one set-based
 * INSERT … SELECT can convert units and types into the real table.
 */
export const stageRows = async (c: DuckDBConnection, table: string, columns: readonly (readonly [string, ColumnKind])[], rows: readonly (readonly Cell[])[]): Promise<void> => {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new RangeError(`bad staging table name ${table}`);
  await c.run(`CREATE OR REPLACE TEMP TABLE ${table} (${columns.map(([n, k]) => `"${n}" ${k}`).join(', ')})`);
  await appendRows(c, table, columns.map(([n, k]) => [n, STAGED[k]] as const), rows, 'temp');
};
