import type { OrderIntent } from '../core/index.js';
import type { PositionView } from './risk-check.js';

/** An order on the opposite side of a position, for no more than its quantity. */
export const shrinksPosition = (intent: Pick<OrderIntent, 'side' | 'qty'>, p: PositionView | undefined): boolean =>
  p !== undefined && p.qty > 0 && p.side !== intent.side && intent.qty <= p.qty;
