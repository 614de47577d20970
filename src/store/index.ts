export { DuckDbStore, type OpenStoreOptions } from './duckdb-store.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { openBarReader, type BarReader, type BarColumns } from './bar-reader.js';
export type { BarRange } from './bar-range.js';
export { generateBars, type GenerateOptions, type GenerateReport } from './generator/generate-bars.js';
export { writeRunResults, type RunResults } from './results-writer.js';
