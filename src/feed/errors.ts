import { EngineError } from '../core/index.js';

export type FeedErrorCode =
  | 'FEED_TOO_MANY_INSTRUMENTS' | 'FEED_BAD_CONFIG' | 'FEED_FATAL_DISCONNECT' | 'FEED_HANDSHAKE_REFUSED' | 'FEED_UNKNOWN_INSTRUMENT';

/** A feed failure that needs the operator (bad token, no data plan, limits), or a bad feed setting. */
export class FeedError extends EngineError {
  constructor(code: FeedErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}
