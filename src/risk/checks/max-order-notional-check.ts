import { ALLOW, type RiskCheck, deny } from '../risk-check.js';

/** At most `maxNotionalPaise` of value (quantity × entry price) in one order. */
export const maxOrderNotionalCheck = (maxNotionalPaise: number): RiskCheck => ({
  id: 'RISK_MAX_ORDER_NOTIONAL',
  check: (intent) => {
    const notional = intent.qty * intent.entry;
    return notional > maxNotionalPaise ? deny('RISK_MAX_ORDER_NOTIONAL', `notional ${notional} paise above the per-order limit ${maxNotionalPaise} paise`) : ALLOW;
  },
});
