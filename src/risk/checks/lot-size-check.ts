import { ALLOW, type RiskCheck, deny } from '../risk-check.js';

/** The quantity is a whole number of lots. */
export const lotSizeCheck = (lotSize: number): RiskCheck => ({
  id: 'RISK_LOT_SIZE',
  check: (intent) =>
    Number.isInteger(intent.qty) && intent.qty % lotSize === 0 ? ALLOW : deny('RISK_LOT_SIZE', `quantity ${intent.qty} is not a multiple of the lot size ${lotSize}`),
});
