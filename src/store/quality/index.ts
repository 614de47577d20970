export { refreshQualityMetrics, defaultQualityRules, type QualityScope, type QualityRules } from './refresh-quality.js';
export { symbolSummary, qualityReport, type SymbolSummary, type QualityRow } from './quality-report.js';
