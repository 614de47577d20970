import type { DuckDBConnection } from '@duckdb/node-api';

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
