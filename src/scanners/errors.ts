import { EngineError } from '../core/index.js';

export type ScannerConfigCode = 'CONFIG_SCANNER_UNKNOWN' | 'CONFIG_SCANNER_PARAMS';

/** An unknown scanner id or parameters its schema refuses; the message names each bad key by dotted path. */
export class ScannerConfigError extends EngineError {
  override readonly name = 'ScannerConfigError';
  constructor(code: ScannerConfigCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}
