import { ALLOW, type RiskCheck, type RiskDenyCode, deny } from '../risk-check.js';

/**
 * Throttle: at most `limit` intents within any `windowMs` of clock time (bar time in replay). Denies when `limit`
 * intents already fall in the window ending now.
 */
export const ordersPerWindowCheck = (code: RiskDenyCode, windowMs: number, limit: number): RiskCheck => ({
  id: code,
  check: (_intent, ctx) => {
    const t = ctx.activity.nthLatestMs(limit);
    return t !== undefined && ctx.nowMs - t < windowMs ? deny(code, `${limit} orders already in the last ${windowMs} ms`) : ALLOW;
  },
});
