import { ALLOW, type RiskCheck, deny } from '../risk-check.js';

/**
 * The exchange freezes (refuses) an order of its freeze quantity or more. The freeze quantity is per symbol,
 * else the default; a symbol with neither is not limited.
 */
export const freezeQtyCheck = (defaultQty: number | null, bySymbol: Readonly<Record<string, number>>): RiskCheck => {
  const freeze = new Map(Object.entries(bySymbol));
  return {
    id: 'RISK_FREEZE_QTY',
    check: (intent) => {
      const limit = freeze.get(intent.symbol) ?? defaultQty;
      return limit !== null && intent.qty >= limit
        ? deny('RISK_FREEZE_QTY', `quantity ${intent.qty} reaches the freeze quantity ${limit} of ${intent.symbol}`)
        : ALLOW;
    },
  };
};
