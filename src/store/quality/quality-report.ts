import type { DuckDBConnection } from '@duckdb/node-api';
import { rangeFilter } from '../bar-range.js';
import { toDuckValues } from '../duck-values.js';

export interface SymbolSummary {
  readonly symbol: string;
  readonly sector: string | null;
  readonly first_bar: string;
  readonly last_bar: string;
  readonly days: number;
  readonly bars: number;
}

export interface QualityRow {
  readonly symbol: string;
  readonly date: string;
  readonly total_records: number;
  readonly valid_records: number;
  readonly missing_data_pct: number;
  readonly outlier_count: number;
  readonly data_quality_score: number;
}

/** Per symbol: first and last bar (IST), trading days and bars in the range. */
export const symbolSummary = async (c: DuckDBConnection, r: { from?: string; to?: string }): Promise<SymbolSummary[]> => {
  const f = rangeFilter(r);
  const rows = (await c.runAndReadAll(`SELECT symbol, any_value(sector), strftime(min(timestamp) + INTERVAL 330 MINUTE, '%Y-%m-%d %H:%M'),
      strftime(max(timestamp) + INTERVAL 330 MINUTE, '%Y-%m-%d %H:%M'), count(DISTINCT trading_date)::INTEGER, count(*)::INTEGER
    FROM market_data WHERE ${f.sql} GROUP BY symbol ORDER BY symbol`, toDuckValues(f.params))).getRows();
  return rows.map(([symbol, sector, first, last, days, bars]) => ({
    symbol: String(symbol), sector: sector === null ? null : String(sector), first_bar: String(first), last_bar: String(last), days: Number(days), bars: Number(bars),
  }));
};

/** data_quality_metrics rows for a symbol and/or range, in (symbol, date) order. */
export const qualityReport = async (c: DuckDBConnection, r: { symbol?: string; from?: string; to?: string }): Promise<QualityRow[]> => {
  const f = rangeFilter({ from: r.from, to: r.to, symbols: r.symbol === undefined ? undefined : [r.symbol] });
  const where = f.sql.replaceAll('trading_date', 'date');
  const rows = (await c.runAndReadAll(`SELECT symbol, date::VARCHAR, total_records, valid_records, missing_data_pct::DOUBLE, outlier_count, data_quality_score::DOUBLE
    FROM data_quality_metrics WHERE ${where} ORDER BY symbol, date`, toDuckValues(f.params))).getRows();
  return rows.map(([symbol, date, total, valid, missing, outliers, score]) => ({
    symbol: String(symbol), date: String(date), total_records: Number(total), valid_records: Number(valid),
    missing_data_pct: Number(missing), outlier_count: Number(outliers), data_quality_score: Number(score),
  }));
};
