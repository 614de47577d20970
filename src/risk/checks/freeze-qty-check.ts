import type { OrderIntent } from '../../core/index.js';
import { ALLOW, type RiskCheck, type RiskDecision, deny } from '../risk-check.js';

/**
 * The exchange freezes (refuses) an order of its freeze quantity or more. The freeze quantity is per symbol,
 * else the default; a symbol with neither is not limited.
 */
export const freezeQtyCheck = (defaultQty: number | null, bySymbol: Readonly<Record<string, number>>): RiskCheck => new FreezeQtyCheck(defaultQty, bySymbol);

class FreezeQtyCheck implements RiskCheck {
  readonly id = 'RISK_FREEZE_QTY';
  private readonly freeze: Map<string, number>;

  constructor(private readonly defaultQty: number | null, bySymbol: Readonly<Record<string, number>>) {
    this.freeze = new Map(Object.entries(bySymbol));
  }

  check(intent: OrderIntent): RiskDecision {
    const limit = this.freeze.get(intent.symbol) ?? this.defaultQty;
    return limit !== null && intent.qty >= limit
      ? deny('RISK_FREEZE_QTY', `quantity ${intent.qty} reaches the freeze quantity ${limit} of ${intent.symbol}`)
      : ALLOW;
  }
}
