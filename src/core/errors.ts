/** Base of every error the engine throws on purpose: a stable code, typed details, the standard cause. */
export class EngineError extends Error {
  override readonly name: string = 'EngineError';
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.details = details;
  }
}

/** A broken invariant: a bug or impossible state. The process should crash and restart. */
export class InvariantError extends EngineError {
  override readonly name = 'InvariantError';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('INVARIANT_VIOLATED', message, details);
  }
}

export const isEngineError = (e: unknown): e is EngineError => e instanceof EngineError;
