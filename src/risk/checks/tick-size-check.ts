import type { OrderIntent } from '../../core/index.js';
import { ALLOW, type RiskCheck, type RiskDecision, deny } from '../risk-check.js';

const onTick = (p: number, tick: number): boolean => Number.isInteger(p) && p > 0 && p % tick === 0;

/** Entry, stop and target are positive whole multiples of the tick (paise). */
export const tickSizeCheck = (tickPaise: number): RiskCheck => new TickSizeCheck(tickPaise);

class TickSizeCheck implements RiskCheck {
  readonly id = 'RISK_TICK_SIZE';

  constructor(private readonly tickPaise: number) {}

  check(intent: OrderIntent): RiskDecision {
    if (onTick(intent.entry, this.tickPaise) && onTick(intent.stopLoss, this.tickPaise) && onTick(intent.target, this.tickPaise)) return ALLOW;
    return deny('RISK_TICK_SIZE', `prices entry ${intent.entry} stop ${intent.stopLoss} target ${intent.target} paise not all on the ${this.tickPaise}-paise tick`);
  }
}
