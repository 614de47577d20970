import { ALLOW, type RiskCheck, deny } from '../risk-check.js';
import { shrinksPosition } from '../shrinks-position.js';

export const HALTED_REASON = 'trading is halted';

/** Runs first in the gate, before sizing and every other check: HALTED denies all, REDUCING all but shrinking orders. */
export const tradingStateCheck: RiskCheck = {
  id: 'RISK_STATE_HALTED',
  check: (intent, ctx) => {
    const s = ctx.tradingState;
    if (s === 'ACTIVE') return ALLOW;
    if (s === 'HALTED') return deny('RISK_STATE_HALTED', HALTED_REASON);
    return shrinksPosition(intent, ctx.position(intent.symbolId))
      ? ALLOW
      : deny('RISK_STATE_REDUCING', `trading is reducing: only orders that shrink a position (${intent.symbol} ${intent.side} ${intent.qty})`);
  },
};
