import type { OrderIntent } from '../../core/index.js';
import { ALLOW, type RiskCheck, type RiskContext, type RiskDecision, deny } from '../risk-check.js';

/** Fat-finger guard: the entry is within `maxDeviationPct` of the symbol's last traded price; no last price, no order. */
export const priceBandCheck = (maxDeviationPct: number): RiskCheck => new PriceBandCheck(maxDeviationPct);

class PriceBandCheck implements RiskCheck {
  readonly id = 'RISK_PRICE_BAND';

  constructor(private readonly maxDeviationPct: number) {}

  check(intent: OrderIntent, ctx: RiskContext): RiskDecision {
    const ltp = ctx.lastPricePaise(intent.symbolId);
    if (ltp === undefined || ltp <= 0) return deny('RISK_PRICE_BAND', `no last traded price for ${intent.symbol}`);
    const deviation = Math.abs(intent.entry - ltp) * 100;
    if (deviation <= this.maxDeviationPct * ltp) return ALLOW;
    return deny('RISK_PRICE_BAND', `entry ${intent.entry} paise is ${(deviation / ltp).toFixed(2)}% from the last price ${ltp} (band ${this.maxDeviationPct}%)`);
  }
}
