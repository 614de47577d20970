/**
 * Version 3: a run's latency percentiles, from the same metric catalog as the live daemon (bar processing, bar to
 * signal, signal to order), stored with its results. Microseconds, at histogram bucket bounds.
 */
export const schemaV3: readonly string[] = [
  `CREATE TABLE backtest_latency (
    run_id VARCHAR NOT NULL, metric VARCHAR NOT NULL, samples BIGINT, p50_us DOUBLE, p90_us DOUBLE, p99_us DOUBLE,
    PRIMARY KEY (run_id, metric))`,
];
