import { type OrderIntent, istDay } from '../../core/index.js';
import { ALLOW, type RiskCheck, type RiskContext, type RiskDecision, deny } from '../risk-check.js';

/** At most `limit` intents per IST day of clock time. */
export const ordersPerDayCheck = (limit: number): RiskCheck => new OrdersPerDayCheck(limit);

class OrdersPerDayCheck implements RiskCheck {
  readonly id = 'RISK_ORDERS_PER_DAY';

  constructor(private readonly limit: number) {}

  check(_intent: OrderIntent, ctx: RiskContext): RiskDecision {
    return ctx.activity.ordersOnDay(istDay(ctx.nowMs)) >= this.limit ? deny('RISK_ORDERS_PER_DAY', `${this.limit} orders already today`) : ALLOW;
  }
}
