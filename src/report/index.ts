export { renderReport, type RenderOptions } from './render-report.js';
export { loadChartLibrary } from './chart-library.js';
export { ReportError, type ReportErrorCode } from './report-error.js';
export type { ReportData, ReportTradeRow, ReportCandles, ReportCandle } from './report-data.js';
export { DEFAULT_LIMITS, type ChartLimits } from './chart-series.js';
