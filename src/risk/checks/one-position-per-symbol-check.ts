import { ALLOW, type RiskCheck, deny } from '../risk-check.js';

/** At most one position (or working entry) per symbol. */
export const onePositionPerSymbolCheck: RiskCheck = {
  id: 'RISK_POSITION_EXISTS',
  check: (intent, ctx) =>
    ctx.isSymbolBusy(intent.symbolId) ? deny('RISK_POSITION_EXISTS', `${intent.symbol} already has a position or working entry`) : ALLOW,
};
