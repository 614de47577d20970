import { StoreError } from '../errors.js';
import { type BarRange, rangeFilter } from '../bar-range.js';

/** Columns a caller may ask for: an allow-list, so identifiers never come from user input. */
export const MARKET_DATA_COLUMNS = ['symbol', 'timestamp', 'open', 'high', 'low', 'close', 'volume', 'trading_date', 'sector',
  'bid_price', 'ask_price', 'bid_qty', 'ask_qty', 'last_traded_price', 'last_traded_qty'] as const;
export type MarketDataColumn = (typeof MARKET_DATA_COLUMNS)[number];

export interface MarketDataQuery extends BarRange {
  readonly columns?: readonly MarketDataColumn[];
  readonly limit?: number;
}

/** Builds the parameterised SQL of a market-data query (values as $n parameters, columns from the allow-list). */
export const marketDataSql = (q: MarketDataQuery): { sql: string; params: (string | string[])[] } => {
  const cols = q.columns ?? MARKET_DATA_COLUMNS;
  for (const c of cols) {
    if (!(MARKET_DATA_COLUMNS as readonly string[]).includes(c)) throw new StoreError('STORE_BAD_ARGUMENT', `unknown market_data column: ${String(c)}`, { column: c });
  }
  if (q.limit !== undefined && (!Number.isInteger(q.limit) || q.limit < 1)) throw new StoreError('STORE_BAD_ARGUMENT', `limit must be a positive integer: ${q.limit}`);
  const f = rangeFilter(q);
  const select = cols.map((c) => (c === 'timestamp' ? 'epoch_ms(timestamp)::DOUBLE AS timestamp' : c === 'trading_date' ? 'trading_date::VARCHAR AS trading_date' : c)).join(', ');
  const limit = q.limit === undefined ? '' : ` LIMIT ${q.limit}`;
  return { sql: `SELECT ${select} FROM market_data WHERE ${f.sql} ORDER BY market_data.timestamp, market_data.symbol${limit}`, params: f.params };
};

export const complexityOf = (q: MarketDataQuery): 'simple' | 'filtered' =>
  q.symbols !== undefined || q.from !== undefined || q.to !== undefined ? 'filtered' : 'simple';
