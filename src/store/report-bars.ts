import type { DuckDBConnection } from '@duckdb/node-api';
import { ReportDataError } from './report-data-error.js';
import { num, paiseOf, readRows, str } from './report-rows.js';
import type { ReportBars } from './run-report-data.js';

/** Bucket sizes in minutes; each divides a day, so a bucket never spans two IST days. */
const BUCKETS = [1, 2, 3, 5, 10, 15, 30, 60, 1440] as const;

/** The smallest bucket that brings `bars` one-minute bars over `days` sessions down to at most `maxBars`. */
export const bucketMinutesFor = (bars: number, days: number, maxBars: number): number => {
  const perDay = bars / Math.max(1, days);
  return BUCKETS.find((k) => days * Math.ceil(perDay / k) <= maxBars) ?? 1440;
};

export interface BarsRequest {
  readonly file: string;
  /** The symbol to chart; undefined picks the first symbol of the range. */
  readonly symbol: string | undefined;
  readonly explicit: boolean;
  readonly fromDate: string;
  readonly toDate: string;
  readonly maxBars: number;
}

const RANGE = `trading_date BETWEEN $2::DATE AND $3::DATE`;

/** One symbol's bars over the run's range, aggregated into OHLC buckets (within each IST day) when there are many. */
export const readReportBars = async (c: DuckDBConnection, r: BarsRequest): Promise<ReportBars | undefined> => {
  const symbol = r.symbol ?? str((await readRows(c, `SELECT min(symbol) FROM market_data WHERE trading_date BETWEEN $1::DATE AND $2::DATE`, [r.fromDate, r.toDate]))[0]?.[0]);
  const range = [symbol, r.fromDate, r.toDate];
  const [n, days] = ((await readRows(c, `SELECT count(*), count(DISTINCT trading_date) FROM market_data WHERE symbol = $1 AND ${RANGE}`, range))[0] ?? []).map(num);
  if (!n || !days) {
    if (r.explicit) throw new ReportDataError('REPORT_SYMBOL_NOT_FOUND', r.file, `no bars of ${symbol} between ${r.fromDate} and ${r.toDate}`, { symbol });
    return undefined;
  }
  const k = bucketMinutesFor(n, days, r.maxBars);
  const rows = await readRows(c, `SELECT epoch_ms(min(timestamp))::DOUBLE, ${paiseOf('arg_min(open, timestamp)')}, ${paiseOf('max(high)')}, ${paiseOf('min(low)')},
      ${paiseOf('arg_max(close, timestamp)')}, sum(volume)::DOUBLE
    FROM market_data WHERE symbol = $1 AND ${RANGE}
    GROUP BY trading_date, floor(((epoch_ms(timestamp) + 19800000) % 86400000) / ($4 * 60000)) ORDER BY 1`, [...range, k]);
  return {
    symbol, bucketMinutes: k, sourceBars: n,
    bars: rows.map(([t, o, h, l, cl, v]) => ({ startMs: num(t), openPaise: num(o), highPaise: num(h), lowPaise: num(l), closePaise: num(cl), volume: num(v) })),
  };
};
