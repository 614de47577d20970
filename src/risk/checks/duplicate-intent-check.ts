import type { OrderIntent } from '../../core/index.js';
import { ALLOW, type RiskCheck, type RiskContext, type RiskDecision, deny } from '../risk-check.js';

/** Suppresses a scanner repeating the same side on a symbol within `windowMs` of clock time of its last intent there. */
export const duplicateIntentCheck = (windowMs: number): RiskCheck => new DuplicateIntentCheck(windowMs);

class DuplicateIntentCheck implements RiskCheck {
  readonly id = 'RISK_DUPLICATE';

  constructor(private readonly windowMs: number) {}

  check(intent: OrderIntent, ctx: RiskContext): RiskDecision {
    const last = ctx.activity.lastIntent(intent.scannerId, intent.symbolId);
    if (last === undefined || last.side !== intent.side || ctx.nowMs - last.atMs >= this.windowMs) return ALLOW;
    return deny('RISK_DUPLICATE', `${intent.scannerId} sent ${intent.side} ${intent.symbol} ${ctx.nowMs - last.atMs} ms ago (window ${this.windowMs} ms)`);
  }
}
