import { istDay } from '../../core/index.js';
import { ALLOW, type RiskCheck, deny } from '../risk-check.js';

/** At most `limit` intents per IST day of clock time. */
export const ordersPerDayCheck = (limit: number): RiskCheck => ({
  id: 'RISK_ORDERS_PER_DAY',
  check: (_intent, ctx) =>
    ctx.activity.ordersOnDay(istDay(ctx.nowMs)) >= limit ? deny('RISK_ORDERS_PER_DAY', `${limit} orders already today`) : ALLOW,
});
