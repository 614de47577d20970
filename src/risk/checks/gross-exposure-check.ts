import { shrinksPosition } from '../shrinks-position.js';
import { ALLOW, type RiskCheck, deny } from '../risk-check.js';

/** Open positions plus working entries plus this order, in notional, stay within `maxPaise`; shrinking orders always pass. */
export const grossExposureCheck = (maxPaise: number): RiskCheck => ({
  id: 'RISK_GROSS_EXPOSURE',
  check: (intent, ctx) => {
    const after = ctx.grossExposurePaise + intent.qty * intent.entry;
    if (after <= maxPaise || shrinksPosition(intent, ctx.position(intent.symbolId))) return ALLOW;
    return deny('RISK_GROSS_EXPOSURE', `gross exposure would be ${after} paise, limit ${Math.floor(maxPaise)} paise`);
  },
});
