import { EngineError } from '../../core/index.js';

export type IngestErrorCode = 'INGEST_FILE_MISSING' | 'INGEST_FILE_UNREADABLE' | 'INGEST_BAD_SHAPE' | 'INGEST_UNSUPPORTED_FORMAT' | 'INGEST_BAD_OPTION';

/** An ingest problem: one line naming the file and what is wrong. The database is left unchanged. */
export class IngestError extends EngineError {
  override readonly name = 'IngestError';
  constructor(code: IngestErrorCode, readonly file: string, problem: string, options?: { cause?: unknown }) {
    super(code, `${file}: ${problem}`, { file }, options);
  }
}
