import { EngineError } from '../core/index.js';

export type ReportErrorCode = 'REPORT_ASSET_MISSING';

/** The report cannot be rendered (its bundled chart library is missing). */
export class ReportError extends EngineError {
  override readonly name = 'ReportError';
  constructor(code: ReportErrorCode, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}
