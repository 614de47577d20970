import { EngineError } from '../../core/index.js';

/** The typed categories every broker failure falls into. */
export type BrokerErrorCategory = 'authentication' | 'order' | 'rate_limit' | 'data' | 'network' | 'system';

export type BrokerErrorCode =
  | 'BROKER_AUTH_FAILED' | 'BROKER_ORDER_REJECTED' | 'BROKER_RATE_LIMITED' | 'BROKER_DATA_ERROR'
  | 'BROKER_NETWORK' | 'BROKER_TIMEOUT' | 'BROKER_SYSTEM' | 'BROKER_BAD_RESPONSE';

export interface BrokerErrorInfo {
  readonly category: BrokerErrorCategory;
  /** HTTP status, when the broker answered. */
  readonly httpStatus?: number;
  /** Dhan's `errorCode` (DH-9xx, or a data-API 8xx code). */
  readonly dhanCode?: string;
  readonly errorType?: string;
  /**
   * True when the broker surely did not act on the request (a 4xx answer): a place is then `rejected`.
   * False for timeouts, dropped connections and 5xx: the request may have been carried out (`unknown`).
   */
  readonly definitive: boolean;
}

/** A failed call to the broker, classified (see classify-error.ts for the table). */
export class BrokerError extends EngineError {
  override readonly name = 'BrokerError';
  readonly category: BrokerErrorCategory;
  readonly definitive: boolean;
  readonly httpStatus: number | undefined;
  readonly dhanCode: string | undefined;

  constructor(code: BrokerErrorCode, message: string, info: BrokerErrorInfo, options?: { cause?: unknown }) {
    super(code, message, { ...info }, options);
    this.category = info.category;
    this.definitive = info.definitive;
    this.httpStatus = info.httpStatus;
    this.dhanCode = info.dhanCode;
  }
}

export const isBrokerError = (e: unknown): e is BrokerError => e instanceof BrokerError;
