import type { OrderIntent } from '../../core/index.js';
import { ALLOW, type RiskCheck, type RiskContext, type RiskDecision, deny } from '../risk-check.js';

/** After an intent, a scanner waits `cooldownMs` of clock time before its next intent on the same symbol, either side. */
export const cooldownCheck = (cooldownMs: number): RiskCheck => new CooldownCheck(cooldownMs);

class CooldownCheck implements RiskCheck {
  readonly id = 'RISK_COOLDOWN';

  constructor(private readonly cooldownMs: number) {}

  check(intent: OrderIntent, ctx: RiskContext): RiskDecision {
    const last = ctx.activity.lastIntent(intent.scannerId, intent.symbolId);
    if (last === undefined || ctx.nowMs - last.atMs >= this.cooldownMs) return ALLOW;
    return deny('RISK_COOLDOWN', `${intent.scannerId} on ${intent.symbol} is cooling down: ${ctx.nowMs - last.atMs} of ${this.cooldownMs} ms`);
  }
}
