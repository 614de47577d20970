import { EngineError } from '../core/index.js';

export type StoreErrorCode =
  | 'STORE_FILE_MISSING'
  | 'STORE_FILE_LOCKED'
  | 'STORE_NOT_DUCKDB'
  | 'STORE_NOT_OURS'
  | 'STORE_SCHEMA_TOO_NEW'
  | 'STORE_READ_ONLY'
  | 'STORE_QUERY_FAILED'
  | 'STORE_BAD_ARGUMENT';

/** A DuckDB store problem, always naming the file. */
export class StoreError extends EngineError {
  override readonly name = 'StoreError';
  constructor(code: StoreErrorCode, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Turns DuckDB's open errors into a StoreError with a one-line message naming the file. */
export const classifyOpenError = (path: string, e: unknown): StoreError => {
  const msg = messageOf(e);
  if (/lock/i.test(msg)) {
    return new StoreError('STORE_FILE_LOCKED', `${path}: database is locked by another process`, { path }, { cause: e });
  }
  if (/not a valid DuckDB|invalid.*database|magic|file is not a/i.test(msg)) {
    return new StoreError('STORE_NOT_DUCKDB', `${path}: not a DuckDB database file`, { path }, { cause: e });
  }
  if (/No such file|does not exist|cannot open/i.test(msg)) {
    return new StoreError('STORE_FILE_MISSING', `${path}: database file does not exist`, { path }, { cause: e });
  }
  return new StoreError('STORE_QUERY_FAILED', `${path}: cannot open database: ${msg.split('\n')[0] ?? msg}`, { path }, { cause: e });
};
