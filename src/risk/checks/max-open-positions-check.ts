import { ALLOW, type RiskCheck, deny } from '../risk-check.js';

export const maxOpenPositionsCheck = (max: number): RiskCheck => ({
  id: 'RISK_MAX_OPEN_POSITIONS',
  check: (_intent, ctx) =>
    ctx.openPositions >= max ? deny('RISK_MAX_OPEN_POSITIONS', `${ctx.openPositions} open positions, limit ${max}`) : ALLOW,
});
