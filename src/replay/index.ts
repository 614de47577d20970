export { DuckDbBarSource, type ReplayHooks } from './duckdb-bar-source.js';
export { ReplayJournal } from './replay-journal.js';
export { RunDigest } from './run-digest.js';
export { buildResults, type ResultInputs } from './build-results.js';
export { totalReturn, maxDrawdown, dailyReturns, sharpeRatio } from './run-metrics.js';
export { scannerStats } from './scanner-stats.js';
