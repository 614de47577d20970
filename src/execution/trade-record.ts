import type { Side } from '../core/index.js';
import type { Charges } from './charges.js';

export type ExitReason = 'TARGET' | 'STOP' | 'SQUARE_OFF' | 'END_OF_DATA';

/** One round trip: from flat to flat on a symbol. Money in paise. */
export interface TradeRecord {
  readonly tradeNo: number;
  readonly scannerId: string;
  readonly signalId: string;
  readonly symbol: string;
  readonly side: Side;
  readonly qty: number;
  readonly entryMs: number;
  readonly entryPrice: number;
  readonly exitMs: number;
  readonly exitPrice: number;
  readonly exitReason: ExitReason;
  readonly grossPnl: number;
  readonly charges: Charges;
  readonly netPnl: number;
}
