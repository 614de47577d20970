import { EngineError } from '../core/index.js';

export type ReportDataErrorCode = 'REPORT_RUN_NOT_FOUND' | 'REPORT_NO_RESULTS' | 'REPORT_SYMBOL_NOT_FOUND';

/** A report cannot be built from this database: one line naming the file and the run. */
export class ReportDataError extends EngineError {
  override readonly name = 'ReportDataError';
  constructor(code: ReportDataErrorCode, readonly file: string, problem: string, details: Record<string, unknown> = {}) {
    super(code, `${file}: ${problem}`, { file, ...details });
  }
}
