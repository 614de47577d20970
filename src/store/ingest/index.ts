export { ingestFiles, type IngestOptions } from './ingest-bars.js';
export type { IngestReport, FileCounts } from './ingest-report.js';
export { IngestError, type IngestErrorCode } from './errors.js';
export { REJECT_REASONS, type RejectReason } from './validate-sql.js';
