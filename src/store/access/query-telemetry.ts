import type { DuckDBConnection } from '@duckdb/node-api';
import { type Cell, stageRows } from '../append-rows.js';

export type QueryType = 'market_data' | 'scanner_data' | 'backtest_data';

export interface QueryRecord {
  readonly queryType: QueryType;
  readonly executionTimeMs: number;
  readonly recordsReturned: number;
  readonly complexity: 'simple' | 'filtered' | 'aggregate' | 'analyze';
  readonly optimizationApplied: boolean;
  readonly atMs: number;
}

export interface TelemetryClock {
  /** Wall time in epoch ms for the record's timestamp. */
  readonly now: () => number;
  /** Starts a timer; the returned function gives elapsed milliseconds. */
  readonly startTimer: () => () => number;
}

/**
 * Times queries and records them in query_performance, buffered in memory and written in one batch
 * (every `batchSize` records and on flush), so recording never sits on the query path.
 */
export class QueryTelemetry {
  #buffer: QueryRecord[] = [];
  #written = 0;

  constructor(private readonly conn: DuckDBConnection, readonly clock: TelemetryClock, private readonly userId = 'trade-engine', private readonly batchSize = 500) {}

  async time<T>(q: Omit<QueryRecord, 'executionTimeMs' | 'recordsReturned' | 'atMs'>, run: () => Promise<T>, count: (r: T) => number): Promise<T> {
    const elapsed = this.clock.startTimer();
    const result = await run();
    this.record({ ...q, executionTimeMs: elapsed(), recordsReturned: count(result), atMs: this.clock.now() });
    if (this.#buffer.length >= this.batchSize) await this.flush();
    return result;
  }

  record(r: QueryRecord): void {
    this.#buffer.push(r);
  }

  get pending(): number {
    return this.#buffer.length;
  }

  get written(): number {
    return this.#written;
  }

  async flush(): Promise<void> {
    if (this.#buffer.length === 0) return;
    const rows: Cell[][] = this.#buffer.map((r) => [r.queryType, r.executionTimeMs, r.recordsReturned, r.complexity, r.optimizationApplied, r.atMs]);
    this.#buffer = [];
    await stageRows(this.conn, 'stage_query_perf', [['t', 'VARCHAR'], ['ms', 'DOUBLE'], ['n', 'DOUBLE'], ['cx', 'VARCHAR'], ['opt', 'BOOLEAN'], ['at_ms', 'DOUBLE']], rows);
    await this.conn.run(`INSERT INTO query_performance SELECT uuid()::VARCHAR, t, round(ms)::INTEGER, n::INTEGER, cx, opt, make_timestamp((at_ms * 1000)::BIGINT), $1 FROM stage_query_perf`, [this.userId]);
    this.#written += rows.length;
  }
}
