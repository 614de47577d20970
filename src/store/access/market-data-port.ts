import type { DuckDBPreparedStatement } from '@duckdb/node-api';
import type { DuckDbStore } from '../duckdb-store.js';
import { toDuckValues } from '../duck-values.js';
import { type BarRange, rangeFilter } from '../bar-range.js';
import { type MarketDataQuery, complexityOf, marketDataSql } from './market-data-query.js';
import type { QueryTelemetry } from './query-telemetry.js';

export type ColumnFrame = Record<string, unknown[]>;

export interface DataValidationResult {
  readonly symbol: string;
  readonly date: string;
  readonly bars: number;
  readonly expectedBars: number;
  readonly problems: readonly { readonly check: string; readonly count: number }[];
  readonly valid: boolean;
}

export interface QueryAnalysis {
  readonly sql: string;
  readonly plan: string;
  readonly executionTimeMs: number;
}

/**
 * The design's DuckDBDataAccessPort and QueryOptimizationPort: parameterised market-data queries, symbols for a
 * range, integrity checks, EXPLAIN ANALYZE, and a cache of prepared statements for frequent queries. Every query
 * is timed into query_performance.
 */
export class DuckDbMarketDataPort {
  readonly #prepared = new Map<string, DuckDBPreparedStatement>();

  constructor(private readonly store: DuckDbStore, private readonly telemetry: QueryTelemetry) {}

  async queryMarketData(q: MarketDataQuery): Promise<ColumnFrame> {
    const { sql, params } = marketDataSql(q);
    const cached = this.#prepared.get(sql);
    return this.telemetry.time({ queryType: 'market_data', complexity: complexityOf(q), optimizationApplied: cached !== undefined }, async () => {
      const values = toDuckValues(params);
      const reader = cached ? (cached.bind(values), await cached.runAndReadAll()) : await this.store.connection.runAndReadAll(sql, values);
      return reader.getColumnsObjectJS() as ColumnFrame;
    }, (r) => Object.values(r)[0]?.length ?? 0);
  }

  async availableSymbols(range: Pick<BarRange, 'from' | 'to'> = {}): Promise<string[]> {
    const f = rangeFilter(range);
    return this.telemetry.time({ queryType: 'market_data', complexity: 'aggregate', optimizationApplied: false }, async () =>
      (await this.store.connection.runAndReadAll(`SELECT DISTINCT symbol FROM market_data WHERE ${f.sql} ORDER BY 1`, toDuckValues(f.params))).getRows().map((r) => String(r[0])),
    (r) => r.length);
  }

  async validateDataIntegrity(symbol: string, date: string, expectedBars = 375): Promise<DataValidationResult> {
    const row = await this.telemetry.time({ queryType: 'market_data', complexity: 'aggregate', optimizationApplied: false }, async () =>
      (await this.store.connection.runAndReadAll(`SELECT count(*)::INTEGER,
          count(*) FILTER (high < low)::INTEGER, count(*) FILTER (low <= 0 OR open <= 0 OR close <= 0)::INTEGER,
          count(*) FILTER (open NOT BETWEEN low AND high OR close NOT BETWEEN low AND high)::INTEGER,
          count(*) FILTER (volume < 0)::INTEGER, (count(*) - count(DISTINCT timestamp))::INTEGER,
          count(*) FILTER (open IS NULL OR high IS NULL OR low IS NULL OR close IS NULL OR volume IS NULL)::INTEGER
        FROM market_data WHERE symbol = $1 AND trading_date = $2::DATE`, [symbol, date])).getRows()[0] ?? [],
    () => 1);
    const [bars, ...counts] = row.map(Number);
    const names = ['high_below_low', 'non_positive_price', 'open_close_outside_range', 'negative_volume', 'duplicate_timestamp', 'null_values'];
    const problems = names.map((check, i) => ({ check, count: counts[i] ?? 0 })).filter((p) => p.count > 0);
    const missing = Math.max(0, expectedBars - (bars ?? 0));
    if (missing > 0) problems.push({ check: 'missing_bars', count: missing });
    return { symbol, date, bars: bars ?? 0, expectedBars, problems, valid: problems.length === 0 };
  }

  async analyzeQuery(q: MarketDataQuery): Promise<QueryAnalysis> {
    const { sql, params } = marketDataSql(q);
    const elapsed = this.telemetry.clock.startTimer();
    const rows = (await this.store.connection.runAndReadAll(`EXPLAIN ANALYZE ${sql}`, toDuckValues(params))).getRows();
    const executionTimeMs = elapsed();
    this.telemetry.record({ queryType: 'market_data', executionTimeMs, recordsReturned: 0, complexity: 'analyze', optimizationApplied: false, atMs: this.telemetry.clock.now() });
    return { sql, plan: rows.map((r) => String(r[1] ?? r[0])).join('\n'), executionTimeMs };
  }

  /** Prepares the given queries once; later identical queries reuse the statement (optimization_applied). */
  async cacheFrequentQueries(queries: readonly MarketDataQuery[]): Promise<number> {
    for (const q of queries) {
      const { sql } = marketDataSql(q);
      if (!this.#prepared.has(sql)) this.#prepared.set(sql, await this.store.connection.prepare(sql));
    }
    return this.#prepared.size;
  }

  async close(): Promise<void> {
    await this.telemetry.flush();
    for (const p of this.#prepared.values()) p.destroySync();
    this.#prepared.clear();
  }
}
