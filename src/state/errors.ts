import { EngineError } from '../core/index.js';

export type StateErrorCode = 'STATE_BACKEND_DOWN' | 'STATE_VALUE_CORRUPT' | 'STATE_BAD_KEY' | 'STATE_SNAPSHOT_INVALID' | 'STATE_NO_REDIS_URL';

/** A state-store failure: the backend is unreachable on a read, a stored value is unreadable, or a bad key. */
export class StateError extends EngineError {
  override readonly name = 'StateError';
  constructor(code: StateErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}
