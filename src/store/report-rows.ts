import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

/** A DECIMAL rupee column as integer paise (a DOUBLE holding an integer). */
export const paiseOf = (col: string): string => `round(${col} * 100)::DOUBLE`;

/** Runs a read query and returns its rows as arrays of plain JS values (BIGINT as number). */
export const readRows = async (c: DuckDBConnection, sql: string, params: DuckDBValue[] = []): Promise<unknown[][]> =>
  (await c.runAndReadAll(sql, params)).getRows().map((row) => row.map((v) => (typeof v === 'bigint' ? Number(v) : v)));

export const num = (v: unknown): number => Number(v ?? 0);
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
