import type { OrderIntent } from '../../core/index.js';
import { shrinksPosition } from '../shrinks-position.js';
import { ALLOW, type RiskCheck, type RiskContext, type RiskDecision, deny } from '../risk-check.js';

/**
 * The order's margin (notional / intraday leverage) must fit in the available capital (capital plus realised
 * P&L) not already used as margin; an order that shrinks a position frees margin.
 */
export const capitalCheck = (capitalPaise: number, leverage: number): RiskCheck => new CapitalCheck(capitalPaise, leverage);

class CapitalCheck implements RiskCheck {
  readonly id = 'RISK_CAPITAL';

  constructor(private readonly capitalPaise: number, private readonly leverage: number) {}

  check(intent: OrderIntent, ctx: RiskContext): RiskDecision {
    const margin = (intent.qty * intent.entry) / this.leverage;
    const free = this.capitalPaise + ctx.realisedPnlPaise - ctx.grossExposurePaise / this.leverage;
    if (margin <= free || shrinksPosition(intent, ctx.position(intent.symbolId))) return ALLOW;
    return deny('RISK_CAPITAL', `margin ${Math.round(margin)} paise exceeds free capital ${Math.round(free)} paise`);
  }
}
