import { shrinksPosition } from '../shrinks-position.js';
import { ALLOW, type RiskCheck, deny } from '../risk-check.js';

/**
 * The order's margin (notional / intraday leverage) must fit in the available capital (capital plus realised
 * P&L) not already used as margin; an order that shrinks a position frees margin.
 */
export const capitalCheck = (capitalPaise: number, leverage: number): RiskCheck => ({
  id: 'RISK_CAPITAL',
  check: (intent, ctx) => {
    const margin = (intent.qty * intent.entry) / leverage;
    const free = capitalPaise + ctx.realisedPnlPaise - ctx.grossExposurePaise / leverage;
    if (margin <= free || shrinksPosition(intent, ctx.position(intent.symbolId))) return ALLOW;
    return deny('RISK_CAPITAL', `margin ${Math.round(margin)} paise exceeds free capital ${Math.round(free)} paise`);
  },
});
