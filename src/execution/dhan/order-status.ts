import type { OrderStatus, OrderType, Side } from '../../core/index.js';

const STATUSES: Readonly<Record<string, OrderStatus>> = {
  TRANSIT: 'TRANSIT', PENDING: 'PENDING', PART_TRADED: 'PART_TRADED', PARTIALLY_TRADED: 'PART_TRADED', PART_TRADE: 'PART_TRADED',
  TRADED: 'TRADED', REJECTED: 'REJECTED', CANCELLED: 'CANCELLED', CANCELED: 'CANCELLED', EXPIRED: 'EXPIRED',
  /** Slicing and super-order statuses that mean "working". */
  CONFIRM: 'PENDING', TRIGGERED: 'PENDING',
};

/** Dhan's status text, compared case-insensitively (the docs themselves show "Cancelled"); undefined if unknown. */
export const dhanStatus = (s: string): OrderStatus | undefined => STATUSES[s.trim().toUpperCase().replace(/[\s-]+/g, '_')];

const TYPES: Readonly<Record<string, OrderType>> = {
  MARKET: 'MARKET', MKT: 'MARKET', LIMIT: 'LIMIT', LMT: 'LIMIT', STOP_LOSS_MARKET: 'STOP_LOSS_MARKET', SLM: 'STOP_LOSS_MARKET',
  /** A stop-limit (placed elsewhere): the engine models stops as stop-market. */
  STOP_LOSS: 'STOP_LOSS_MARKET', SL: 'STOP_LOSS_MARKET',
};

export const dhanOrderType = (s: string): OrderType => TYPES[s.trim().toUpperCase()] ?? 'LIMIT';

export const dhanSide = (s: string): Side => (/^(B|BUY)$/i.test(s.trim()) ? 'BUY' : 'SELL');
