import type { OrderIntent } from '../../core/index.js';
import { shrinksPosition } from '../shrinks-position.js';
import { ALLOW, type RiskCheck, type RiskContext, type RiskDecision, deny } from '../risk-check.js';

/** Open positions plus working entries plus this order, in notional, stay within `maxPaise`; shrinking orders always pass. */
export const grossExposureCheck = (maxPaise: number): RiskCheck => new GrossExposureCheck(maxPaise);

class GrossExposureCheck implements RiskCheck {
  readonly id = 'RISK_GROSS_EXPOSURE';

  constructor(private readonly maxPaise: number) {}

  check(intent: OrderIntent, ctx: RiskContext): RiskDecision {
    const after = ctx.grossExposurePaise + intent.qty * intent.entry;
    if (after <= this.maxPaise || shrinksPosition(intent, ctx.position(intent.symbolId))) return ALLOW;
    return deny('RISK_GROSS_EXPOSURE', `gross exposure would be ${after} paise, limit ${Math.floor(this.maxPaise)} paise`);
  }
}
