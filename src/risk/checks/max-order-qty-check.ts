import { ALLOW, type RiskCheck, deny } from '../risk-check.js';

/** At most `maxQty` shares in one order. */
export const maxOrderQtyCheck = (maxQty: number): RiskCheck => ({
  id: 'RISK_MAX_ORDER_QTY',
  check: (intent) => (intent.qty > maxQty ? deny('RISK_MAX_ORDER_QTY', `quantity ${intent.qty} above the per-order limit ${maxQty}`) : ALLOW),
});
