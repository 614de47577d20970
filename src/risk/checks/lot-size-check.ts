import type { OrderIntent } from '../../core/index.js';
import { ALLOW, type RiskCheck, type RiskDecision, deny } from '../risk-check.js';

/** The quantity is a whole number of lots. */
export const lotSizeCheck = (lotSize: number): RiskCheck => new LotSizeCheck(lotSize);

class LotSizeCheck implements RiskCheck {
  readonly id = 'RISK_LOT_SIZE';

  constructor(private readonly lotSize: number) {}

  check(intent: OrderIntent): RiskDecision {
    return Number.isInteger(intent.qty) && intent.qty % this.lotSize === 0 ? ALLOW : deny('RISK_LOT_SIZE', `quantity ${intent.qty} is not a multiple of the lot size ${this.lotSize}`);
  }
}
