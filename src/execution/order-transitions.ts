import type { OrderStatus } from '../core/index.js';

/**
 * Dhan's order lifecycle (dhan-protocol.md §3.6). Repeating a status is legal (a duplicate message); anything not
 * listed is refused. TRANSIT → REJECTED is the broker's own refusal, PENDING → REJECTED the exchange's.
 */
export const LEGAL_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  TRANSIT: ['TRANSIT', 'PENDING', 'PART_TRADED', 'TRADED', 'REJECTED', 'CANCELLED', 'EXPIRED'],
  PENDING: ['PENDING', 'PART_TRADED', 'TRADED', 'REJECTED', 'CANCELLED', 'EXPIRED'],
  PART_TRADED: ['PART_TRADED', 'TRADED', 'CANCELLED', 'EXPIRED'],
  TRADED: ['TRADED'],
  REJECTED: ['REJECTED'],
  CANCELLED: ['CANCELLED'],
  EXPIRED: ['EXPIRED'],
};

export const isLegalTransition = (from: OrderStatus, to: OrderStatus): boolean => LEGAL_TRANSITIONS[from].includes(to);
