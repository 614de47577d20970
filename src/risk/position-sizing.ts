import type { Signal } from '../core/index.js';
import type { RiskConfig } from './config.js';

/**
 * Shares to trade: risk a fixed share of capital between entry and stop, capped by the per-position notional
 * limit of the leveraged capital, rounded down to the lot size. 0 means "too small to trade".
 */
export const positionSize = (s: Pick<Signal, 'entry' | 'stopLoss'>, c: RiskConfig): number => {
  const perShareRisk = Math.abs(s.entry - s.stopLoss);
  if (perShareRisk <= 0 || s.entry <= 0) return 0;
  const byRisk = (c.capitalPaise * c.riskPerTradePct) / 100 / perShareRisk;
  const byNotional = (c.capitalPaise * c.intradayLeverage * c.maxPositionNotionalPct) / 100 / s.entry;
  const shares = Math.floor(Math.min(byRisk, byNotional));
  return shares - (shares % c.lotSize);
};
