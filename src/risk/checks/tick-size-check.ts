import { ALLOW, type RiskCheck, deny } from '../risk-check.js';

const onTick = (p: number, tick: number): boolean => Number.isInteger(p) && p > 0 && p % tick === 0;

/** Entry, stop and target are positive whole multiples of the tick (paise). */
export const tickSizeCheck = (tickPaise: number): RiskCheck => ({
  id: 'RISK_TICK_SIZE',
  check: (intent) => {
    if (onTick(intent.entry, tickPaise) && onTick(intent.stopLoss, tickPaise) && onTick(intent.target, tickPaise)) return ALLOW;
    return deny('RISK_TICK_SIZE', `prices entry ${intent.entry} stop ${intent.stopLoss} target ${intent.target} paise not all on the ${tickPaise}-paise tick`);
  },
});
