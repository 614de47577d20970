export { BarAggregator, type AggregatorConfig, type AggregatorStats } from './bar-aggregator.js';
export { FeedError, type FeedErrorCode } from './errors.js';
export { feedConfigSchema, instrumentSchema, type FeedConfig, type InstrumentConfig } from './config.js';
