import type { OrderIntent } from '../../core/index.js';
import { ALLOW, type RiskCheck, type RiskDecision, deny } from '../risk-check.js';

/** At most `maxNotionalPaise` of value (quantity × entry price) in one order. */
export const maxOrderNotionalCheck = (maxNotionalPaise: number): RiskCheck => new MaxOrderNotionalCheck(maxNotionalPaise);

class MaxOrderNotionalCheck implements RiskCheck {
  readonly id = 'RISK_MAX_ORDER_NOTIONAL';

  constructor(private readonly maxNotionalPaise: number) {}

  check(intent: OrderIntent): RiskDecision {
    const notional = intent.qty * intent.entry;
    return notional > this.maxNotionalPaise ? deny('RISK_MAX_ORDER_NOTIONAL', `notional ${notional} paise above the per-order limit ${this.maxNotionalPaise} paise`) : ALLOW;
  }
}
