import { ALLOW, type RiskCheck, deny } from '../risk-check.js';

/** After an intent, a scanner waits `cooldownMs` of clock time before its next intent on the same symbol, either side. */
export const cooldownCheck = (cooldownMs: number): RiskCheck => ({
  id: 'RISK_COOLDOWN',
  check: (intent, ctx) => {
    const last = ctx.activity.lastIntent(intent.scannerId, intent.symbolId);
    if (last === undefined || ctx.nowMs - last.atMs >= cooldownMs) return ALLOW;
    return deny('RISK_COOLDOWN', `${intent.scannerId} on ${intent.symbol} is cooling down: ${ctx.nowMs - last.atMs} of ${cooldownMs} ms`);
  },
});
