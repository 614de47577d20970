/**
 * Version 2: parameter sweeps. One row per replay a sweep ran, tagging the design's `backtest_runs` row (run_id)
 * with its sweep, grid combination and phase (`full`, or walk-forward `train` / `test` of a fold), so the design's
 * tables stay as they are. `metrics` holds the ranking metrics of the run (JSON) so a re-run can rank without
 * recomputing.
 */
export const schemaV2: readonly string[] = [
  `CREATE TABLE sweep_runs (
    sweep_id VARCHAR NOT NULL, run_id VARCHAR NOT NULL, combination_id VARCHAR NOT NULL, params JSON, phase VARCHAR NOT NULL,
    fold INTEGER, range_from DATE, range_to DATE, fingerprint VARCHAR, metrics JSON, recorded_at TIMESTAMP,
    PRIMARY KEY (sweep_id, run_id))`,
];
