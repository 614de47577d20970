import type { OrderIntent } from '../../core/index.js';
import { ALLOW, type RiskCheck, type RiskContext, type RiskDecision, deny } from '../risk-check.js';

/**
 * The symbol's position after the order stays within `maxNotionalPaise` (at the entry price) and `maxQty` shares.
 * An order that leaves the position no larger is always allowed.
 */
export const maxPositionCheck = (maxNotionalPaise: number, maxQty: number | null): RiskCheck => new MaxPositionCheck(maxNotionalPaise, maxQty);

class MaxPositionCheck implements RiskCheck {
  readonly id = 'RISK_MAX_POSITION';

  constructor(private readonly maxNotionalPaise: number, private readonly maxQty: number | null) {}

  check(intent: OrderIntent, ctx: RiskContext): RiskDecision {
    const p = ctx.position(intent.symbolId);
    const before = p === undefined ? 0 : p.side === intent.side ? p.qty : -p.qty;
    const after = Math.abs(before + intent.qty);
    if (after <= Math.abs(before)) return ALLOW;
    const notional = after * intent.entry;
    if (notional > this.maxNotionalPaise) return deny('RISK_MAX_POSITION', `${intent.symbol} position ${notional} paise above the limit ${Math.floor(this.maxNotionalPaise)} paise`);
    if (this.maxQty !== null && after > this.maxQty) return deny('RISK_MAX_POSITION', `${intent.symbol} position ${after} shares above the limit ${this.maxQty}`);
    return ALLOW;
  }
}
