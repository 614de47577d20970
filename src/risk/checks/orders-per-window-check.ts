import type { OrderIntent } from '../../core/index.js';
import { ALLOW, type RiskCheck, type RiskContext, type RiskDecision, type RiskDenyCode, deny } from '../risk-check.js';

/**
 * Throttle: at most `limit` intents within any `windowMs` of clock time (bar time in replay). Denies when `limit`
 * intents already fall in the window ending now.
 */
export const ordersPerWindowCheck = (code: RiskDenyCode, windowMs: number, limit: number): RiskCheck => new OrdersPerWindowCheck(code, windowMs, limit);

class OrdersPerWindowCheck implements RiskCheck {
  readonly id: RiskDenyCode;

  constructor(private readonly code: RiskDenyCode, private readonly windowMs: number, private readonly limit: number) {
    this.id = code;
  }

  check(_intent: OrderIntent, ctx: RiskContext): RiskDecision {
    const t = ctx.activity.nthLatestMs(this.limit);
    return t !== undefined && ctx.nowMs - t < this.windowMs ? deny(this.code, `${this.limit} orders already in the last ${this.windowMs} ms`) : ALLOW;
  }
}
