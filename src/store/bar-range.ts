import { StoreError } from './errors.js';
import { parseIstDate } from '../core/index.js';

/** A replay's data selection. Dates are IST trading dates, inclusive. */
export interface BarRange {
  readonly from?: string;
  readonly to?: string;
  readonly symbols?: readonly string[];
}

/** SQL WHERE clause and its parameters for a BarRange (values only as parameters). */
export const rangeFilter = (r: BarRange, firstParam = 1): { sql: string; params: (string | string[])[] } => {
  const parts: string[] = [];
  const params: (string | string[])[] = [];
  let p = firstParam;
  for (const [value, op] of [[r.from, '>='], [r.to, '<=']] as const) {
    if (value === undefined) continue;
    assertDate(value);
    parts.push(`trading_date ${op} $${p++}::DATE`);
    params.push(value);
  }
  if (r.symbols !== undefined && r.symbols.length > 0) {
    parts.push(`list_contains($${p++}::VARCHAR[], symbol)`);
    params.push([...r.symbols]);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : 'TRUE', params };
};

const assertDate = (d: string): void => {
  try {
    parseIstDate(d);
  } catch {
    throw new StoreError('STORE_BAD_ARGUMENT', `not a date (YYYY-MM-DD): ${d}`, { value: d });
  }
};
