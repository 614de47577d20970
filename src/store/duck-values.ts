import { type DuckDBValue, listValue } from '@duckdb/node-api';

/** Converts plain JS parameters (strings, numbers, string arrays) to DuckDB prepared-statement values. */
export const toDuckValues = (params: readonly (string | number | boolean | null | readonly string[])[]): DuckDBValue[] =>
  params.map((p) => (Array.isArray(p) ? listValue([...(p as readonly string[])]) : (p as DuckDBValue)));
