export { createLogger, REDACT_PATHS, type Logger, type LoggerOptions } from './logger.js';
export { createMetrics, counterSync, type Metrics } from './metrics.js';
export { LATENCY_BUCKETS_SECONDS } from './buckets.js';
export { summarizeHistogram, type LatencySummary } from './latency-summary.js';
export { stopwatchMs } from './stopwatch.js';
export { telemetryConfigSchema, type TelemetryConfig } from './config.js';
