import { ALLOW, type RiskCheck, deny } from '../risk-check.js';

/** Positions plus working entries, at most `max`; an order on a symbol already held opens no new one. */
export const maxOpenPositionsCheck = (max: number): RiskCheck => ({
  id: 'RISK_MAX_OPEN_POSITIONS',
  check: (intent, ctx) =>
    ctx.openPositions >= max && !ctx.isSymbolBusy(intent.symbolId)
      ? deny('RISK_MAX_OPEN_POSITIONS', `${ctx.openPositions} open positions, limit ${max}`)
      : ALLOW,
});
