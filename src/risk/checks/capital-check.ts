import { ALLOW, type RiskCheck, deny } from '../risk-check.js';

/** The entry's margin (notional / leverage) must fit in the capital not already in use. */
export const capitalCheck = (capitalPaise: number, leverage: number): RiskCheck => ({
  id: 'RISK_CAPITAL',
  check: (intent, ctx) => {
    const margin = (intent.qty * intent.entry) / leverage;
    return ctx.marginUsedPaise + margin > capitalPaise
      ? deny('RISK_CAPITAL', `margin ${Math.round(margin)} paise exceeds free capital ${capitalPaise - ctx.marginUsedPaise} paise`)
      : ALLOW;
  },
});
