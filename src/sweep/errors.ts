import { EngineError } from '../core/index.js';

export type SweepErrorCode =
  | 'SWEEP_GRID_INVALID'
  | 'SWEEP_COMBINATION_INVALID'
  | 'SWEEP_NOT_ENOUGH_DAYS'
  | 'SWEEP_JOBS_FAILED'
  | 'SWEEP_QUEUE_URL_INVALID'
  | 'SWEEP_THREAD_FAILED';

/** A parameter sweep problem: a bad grid file, a combination that does not validate, failed replays. */
export class SweepError extends EngineError {
  override readonly name = 'SweepError';
  constructor(code: SweepErrorCode, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}
