import type { OrderIntent } from '../../core/index.js';
import { ALLOW, type RiskCheck, type RiskContext, type RiskDecision, deny } from '../risk-check.js';

/** Positions plus working entries, at most `max`; an order on a symbol already held opens no new one. */
export const maxOpenPositionsCheck = (max: number): RiskCheck => new MaxOpenPositionsCheck(max);

class MaxOpenPositionsCheck implements RiskCheck {
  readonly id = 'RISK_MAX_OPEN_POSITIONS';

  constructor(private readonly max: number) {}

  check(intent: OrderIntent, ctx: RiskContext): RiskDecision {
    return ctx.openPositions >= this.max && !ctx.isSymbolBusy(intent.symbolId)
      ? deny('RISK_MAX_OPEN_POSITIONS', `${ctx.openPositions} open positions, limit ${this.max}`)
      : ALLOW;
  }
}
