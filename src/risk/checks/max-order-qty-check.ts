import type { OrderIntent } from '../../core/index.js';
import { ALLOW, type RiskCheck, type RiskDecision, deny } from '../risk-check.js';

/** At most `maxQty` shares in one order. */
export const maxOrderQtyCheck = (maxQty: number): RiskCheck => new MaxOrderQtyCheck(maxQty);

class MaxOrderQtyCheck implements RiskCheck {
  readonly id = 'RISK_MAX_ORDER_QTY';

  constructor(private readonly maxQty: number) {}

  check(intent: OrderIntent): RiskDecision {
    return (intent.qty > this.maxQty ? deny('RISK_MAX_ORDER_QTY', `quantity ${intent.qty} above the per-order limit ${this.maxQty}`) : ALLOW);
  }
}
