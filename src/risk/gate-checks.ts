import { capitalCheck } from './checks/capital-check.js';
import { cooldownCheck } from './checks/cooldown-check.js';
import { duplicateIntentCheck } from './checks/duplicate-intent-check.js';
import { freezeQtyCheck } from './checks/freeze-qty-check.js';
import { grossExposureCheck } from './checks/gross-exposure-check.js';
import { lotSizeCheck } from './checks/lot-size-check.js';
import { maxOpenPositionsCheck } from './checks/max-open-positions-check.js';
import { maxOrderNotionalCheck } from './checks/max-order-notional-check.js';
import { maxOrderQtyCheck } from './checks/max-order-qty-check.js';
import { maxPositionCheck } from './checks/max-position-check.js';
import { onePositionPerSymbolCheck } from './checks/one-position-per-symbol-check.js';
import { ordersPerDayCheck } from './checks/orders-per-day-check.js';
import { ordersPerWindowCheck } from './checks/orders-per-window-check.js';
import { priceBandCheck } from './checks/price-band-check.js';
import { tickSizeCheck } from './checks/tick-size-check.js';
import { tradingWindowCheck } from './checks/trading-window-check.js';
import type { RiskConfig } from './config.js';
import type { RiskCheck } from './risk-check.js';

/**
 * The checks after the trading state and sizing, in their fixed order (docs/risk.md): time and suppression,
 * then the order's own validity, then the portfolio, then the clock-driven rate limits. Switched-off checks are
 * left out, so they cost nothing.
 */
export const gateChecks = (c: RiskConfig): RiskCheck[] => {
  const k = c.checks;
  const buyingPower = c.capitalPaise * c.intradayLeverage;
  const rate = k.orderRate;
  const all: [boolean, () => RiskCheck][] = [
    [k.tradingWindow.enabled, () => tradingWindowCheck],
    [k.duplicate.enabled, () => duplicateIntentCheck(k.duplicate.windowMs)],
    [k.cooldown.enabled, () => cooldownCheck(k.cooldown.cooldownMs)],
    [k.orderQty.enabled, () => maxOrderQtyCheck(k.orderQty.maxQty)],
    [k.orderNotional.enabled, () => maxOrderNotionalCheck(k.orderNotional.maxNotionalPaise)],
    [k.freezeQty.enabled, () => freezeQtyCheck(k.freezeQty.defaultQty, k.freezeQty.bySymbol)],
    [k.lotSize.enabled, () => lotSizeCheck(c.lotSize)],
    [k.tickSize.enabled, () => tickSizeCheck(c.tickPaise)],
    [k.priceBand.enabled, () => priceBandCheck(k.priceBand.maxDeviationPct)],
    [k.onePositionPerSymbol.enabled, () => onePositionPerSymbolCheck],
    [k.positionPerSymbol.enabled, () => maxPositionCheck((buyingPower * c.maxPositionNotionalPct) / 100, k.positionPerSymbol.maxQty)],
    [k.openPositions.enabled, () => maxOpenPositionsCheck(c.maxOpenPositions)],
    [k.grossExposure.enabled, () => grossExposureCheck((c.capitalPaise * k.grossExposure.maxPctOfCapital) / 100)],
    [k.capital.enabled, () => capitalCheck(c.capitalPaise, c.intradayLeverage)],
    [rate.enabled && rate.perSecond !== null, () => ordersPerWindowCheck('RISK_ORDERS_PER_SECOND', 1_000, rate.perSecond ?? 0)],
    [rate.enabled && rate.perMinute !== null, () => ordersPerWindowCheck('RISK_ORDERS_PER_MINUTE', 60_000, rate.perMinute ?? 0)],
    [rate.enabled && rate.perDay !== null, () => ordersPerDayCheck(rate.perDay ?? 0)],
  ];
  return all.filter(([on]) => on).map(([, make]) => make());
};
