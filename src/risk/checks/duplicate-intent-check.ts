import { ALLOW, type RiskCheck, deny } from '../risk-check.js';

/** Suppresses a scanner repeating the same side on a symbol within `windowMs` of clock time of its last intent there. */
export const duplicateIntentCheck = (windowMs: number): RiskCheck => ({
  id: 'RISK_DUPLICATE',
  check: (intent, ctx) => {
    const last = ctx.activity.lastIntent(intent.scannerId, intent.symbolId);
    if (last === undefined || last.side !== intent.side || ctx.nowMs - last.atMs >= windowMs) return ALLOW;
    return deny('RISK_DUPLICATE', `${intent.scannerId} sent ${intent.side} ${intent.symbol} ${ctx.nowMs - last.atMs} ms ago (window ${windowMs} ms)`);
  },
});
