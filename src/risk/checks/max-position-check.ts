import { ALLOW, type RiskCheck, deny } from '../risk-check.js';

/**
 * The symbol's position after the order stays within `maxNotionalPaise` (at the entry price) and `maxQty` shares.
 * An order that leaves the position no larger is always allowed.
 */
export const maxPositionCheck = (maxNotionalPaise: number, maxQty: number | null): RiskCheck => ({
  id: 'RISK_MAX_POSITION',
  check: (intent, ctx) => {
    const p = ctx.position(intent.symbolId);
    const before = p === undefined ? 0 : p.side === intent.side ? p.qty : -p.qty;
    const after = Math.abs(before + intent.qty);
    if (after <= Math.abs(before)) return ALLOW;
    const notional = after * intent.entry;
    if (notional > maxNotionalPaise) return deny('RISK_MAX_POSITION', `${intent.symbol} position ${notional} paise above the limit ${Math.floor(maxNotionalPaise)} paise`);
    if (maxQty !== null && after > maxQty) return deny('RISK_MAX_POSITION', `${intent.symbol} position ${after} shares above the limit ${maxQty}`);
    return ALLOW;
  },
});
