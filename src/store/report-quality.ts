import type { DuckDBConnection } from '@duckdb/node-api';
import { toDuckValues } from './duck-values.js';
import { num, readRows, str } from './report-rows.js';
import type { ReportQuality } from './run-report-data.js';

export interface QualityRequest {
  readonly runId: string;
  readonly fromDate: string;
  readonly toDate: string;
  readonly symbolsTested: number;
}

/**
 * data_quality_metrics per symbol over the run's dates. The run's symbol list is not stored: when the range holds
 * exactly as many symbols as the run tested they are the run's symbols; otherwise the symbols the run signalled on.
 */
export const readReportQuality = async (c: DuckDBConnection, r: QualityRequest): Promise<ReportQuality> => {
  const inRange = (await readRows(c, `SELECT DISTINCT symbol FROM market_data WHERE trading_date BETWEEN $1::DATE AND $2::DATE ORDER BY symbol`, [r.fromDate, r.toDate])).map((x) => str(x[0]));
  const exact = inRange.length === r.symbolsTested;
  const symbols = exact ? inRange : (await readRows(c, `SELECT symbol FROM scanner_signals WHERE backtest_run_id = $1 UNION SELECT symbol FROM backtest_trades WHERE run_id = $1 ORDER BY 1`, [r.runId])).map((x) => str(x[0]));
  const rows = await readRows(c, `SELECT symbol, count(*), sum(total_records), sum(valid_records), avg(missing_data_pct)::DOUBLE, sum(outlier_count),
      avg(data_quality_score)::DOUBLE, min(data_quality_score)::DOUBLE
    FROM data_quality_metrics WHERE date BETWEEN $1::DATE AND $2::DATE AND list_contains($3::VARCHAR[], symbol) GROUP BY symbol ORDER BY symbol`,
  toDuckValues([r.fromDate, r.toDate, symbols]));
  return {
    symbolsExact: exact,
    rows: rows.map(([symbol, days, total, valid, missing, outliers, avg, min]) => ({
      symbol: str(symbol), days: num(days), totalRecords: num(total), validRecords: num(valid), avgMissingPct: num(missing),
      outliers: num(outliers), avgScore: num(avg), minScore: num(min),
    })),
  };
};
