import type { DuckDBConnection } from '@duckdb/node-api';
import { rangeFilter } from '../bar-range.js';
import { toDuckValues } from '../duck-values.js';

export interface QualityScope {
  /** A staging table of the current ingest (`ing_checked`): its symbol-days are refreshed. */
  readonly pairsTable?: 'ing_checked';
  readonly symbols?: readonly string[];
  readonly from?: string;
  readonly to?: string;
}

export interface QualityRules {
  readonly expectedBars: number;
  /** Outlier: |r − median(r)| > k × 1.4826 × MAD(r), for one-minute log returns within the day. */
  readonly madK: number;
  /** Each outlier per bar costs this much of the score (see docs/data-quality.md). */
  readonly outlierPenalty: number;
}

export const defaultQualityRules: QualityRules = { expectedBars: 375, madK: 5, outlierPenalty: 10 };

/** Recomputes data_quality_metrics for the symbol-days in scope (INSERT OR REPLACE). */
export const refreshQualityMetrics = async (c: DuckDBConnection, scope: QualityScope, rules: QualityRules = defaultQualityRules): Promise<void> => {
  if (scope.pairsTable === 'ing_checked') {
    await c.run(`CREATE OR REPLACE TEMP TABLE q_pairs AS SELECT DISTINCT trim(symbol) AS symbol, CAST(ts_utc + INTERVAL 330 MINUTE AS DATE) AS date
      FROM ing_checked WHERE symbol IS NOT NULL AND trim(symbol) <> '' AND ts_utc IS NOT NULL`);
  } else {
    const f = rangeFilter({ symbols: scope.symbols, from: scope.from, to: scope.to });
    await c.run(`CREATE OR REPLACE TEMP TABLE q_pairs AS SELECT DISTINCT symbol, trading_date AS date FROM market_data WHERE ${f.sql}`, toDuckValues(f.params));
  }
  await c.run(`INSERT OR REPLACE INTO data_quality_metrics
    WITH bars AS (SELECT m.symbol, m.trading_date AS date, m.timestamp, m.close FROM market_data m JOIN q_pairs p ON m.symbol = p.symbol AND m.trading_date = p.date),
    rets AS (SELECT symbol, date, ln(close / lag(close) OVER (PARTITION BY symbol, date ORDER BY timestamp)) AS r FROM bars),
    med AS (SELECT symbol, date, median(r) AS m FROM rets WHERE r IS NOT NULL GROUP BY ALL),
    mad AS (SELECT symbol, date, median(abs(r - m)) AS mad, any_value(m) AS m FROM rets JOIN med USING (symbol, date) WHERE r IS NOT NULL GROUP BY ALL),
    outl AS (SELECT symbol, date, count(*) FILTER (WHERE mad > 0 AND abs(r - m) > $1 * 1.4826 * mad) AS n FROM rets JOIN mad USING (symbol, date) GROUP BY ALL),
    valid AS (SELECT symbol, date, count(*) AS n FROM bars GROUP BY ALL),
    rej AS (SELECT x.symbol, x.trading_date AS date, count(*) AS n FROM ingest_rejects x JOIN q_pairs p ON x.symbol = p.symbol AND x.trading_date = p.date GROUP BY ALL),
    counts AS (SELECT p.symbol, p.date, coalesce(v.n, 0) AS valid, coalesce(v.n, 0) + coalesce(j.n, 0) AS total, coalesce(o.n, 0) AS outliers
      FROM q_pairs p LEFT JOIN valid v USING (symbol, date) LEFT JOIN rej j USING (symbol, date) LEFT JOIN outl o USING (symbol, date))
    SELECT symbol, date, total::INTEGER, valid::INTEGER,
      (100.0 * greatest(0, $2 - valid) / $2)::DECIMAL(5,2),
      outliers::INTEGER,
      CASE WHEN valid = 0 THEN 0 ELSE greatest(0, least(1,
        (valid / total) * (1 - greatest(0, $2 - valid) / $2) * greatest(0, 1 - $3 * outliers / valid))) END::DECIMAL(3,2),
      current_timestamp::TIMESTAMP
    FROM counts`, [rules.madK, rules.expectedBars, rules.outlierPenalty]);
};
