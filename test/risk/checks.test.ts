import { describe, expect, it } from 'vitest';
import { capitalCheck } from '../../src/risk/checks/capital-check.js';
import { cooldownCheck } from '../../src/risk/checks/cooldown-check.js';
import { duplicateIntentCheck } from '../../src/risk/checks/duplicate-intent-check.js';
import { freezeQtyCheck } from '../../src/risk/checks/freeze-qty-check.js';
import { grossExposureCheck } from '../../src/risk/checks/gross-exposure-check.js';
import { lotSizeCheck } from '../../src/risk/checks/lot-size-check.js';
import { maxOpenPositionsCheck } from '../../src/risk/checks/max-open-positions-check.js';
import { maxOrderNotionalCheck } from '../../src/risk/checks/max-order-notional-check.js';
import { maxOrderQtyCheck } from '../../src/risk/checks/max-order-qty-check.js';
import { maxPositionCheck } from '../../src/risk/checks/max-position-check.js';
import { onePositionPerSymbolCheck } from '../../src/risk/checks/one-position-per-symbol-check.js';
import { ordersPerDayCheck } from '../../src/risk/checks/orders-per-day-check.js';
import { ordersPerWindowCheck } from '../../src/risk/checks/orders-per-window-check.js';
import { priceBandCheck } from '../../src/risk/checks/price-band-check.js';
import { tickSizeCheck } from '../../src/risk/checks/tick-size-check.js';
import { tradingWindowCheck } from '../../src/risk/checks/trading-window-check.js';
import type { OrderIntent } from '../../src/core/index.js';
import type { RiskCheck, RiskContext } from '../../src/risk/index.js';
import { ist, rupees } from '../support/builders.js';
import { activityWith, intent, position, riskContext } from './risk-context.js';

type Case = readonly [name: string, intent: OrderIntent, ctx: RiskContext, allowed: boolean];
const ten = ist('10:00');

/**
 * For each check: allowed under (and, for an amount, exactly at) its limit; denied at the limit (the first value
 * that breaches it: one unit over an amount, or a count already at its maximum); denied well past it.
 */
const table: readonly (readonly [RiskCheck, readonly Case[]])[] = [
  [tradingWindowCheck, [
    ['allows inside the entry window', intent(), riskContext(), true],
    ['denies outside the entry window', intent(), riskContext({ entriesOpen: false }), false],
  ]],
  [duplicateIntentCheck(900_000), [
    ['allows the same side once the window has passed', intent(), riskContext({ activity: activityWith(1, ten - 900_000) }), true],
    ['allows the other side within the window', intent({ side: 'SELL' }), riskContext({ activity: activityWith(1, ten - 60_000) }), true],
    ['denies the same side one ms before the window ends', intent(), riskContext({ activity: activityWith(1, ten - 899_999) }), false],
    ['denies the same side on the same bar', intent(), riskContext({ activity: activityWith(1, ten) }), false],
  ]],
  [cooldownCheck(300_000), [
    ['allows once the cooldown has passed', intent(), riskContext({ activity: activityWith(1, ten - 300_000) }), true],
    ['denies one ms before the cooldown ends', intent({ side: 'SELL' }), riskContext({ activity: activityWith(1, ten - 299_999) }), false],
    ['denies right after the last intent', intent(), riskContext({ activity: activityWith(1, ten) }), false],
    ['allows another symbol', intent({ symbolId: 1 }), riskContext({ activity: activityWith(1, ten) }), true],
  ]],
  [maxOrderQtyCheck(1_000), [
    ['allows the maximum quantity', intent({ qty: 1_000 }), riskContext(), true],
    ['denies one share over', intent({ qty: 1_001 }), riskContext(), false],
    ['denies far over', intent({ qty: 50_000 }), riskContext(), false],
  ]],
  [maxOrderNotionalCheck(rupees(100_000)), [
    ['allows the maximum notional', intent({ qty: 1_000 }), riskContext(), true],
    ['denies one tick over', intent({ qty: 1_000, entry: rupees(100.05) }), riskContext(), false],
    ['denies far over', intent({ qty: 5_000 }), riskContext(), false],
  ]],
  [freezeQtyCheck(5_000, { A: 1_800 }), [
    ['allows one share under the symbol freeze quantity', intent({ qty: 1_799 }), riskContext(), true],
    ['denies at the symbol freeze quantity', intent({ qty: 1_800 }), riskContext(), false],
    ['denies past the symbol freeze quantity', intent({ qty: 4_000 }), riskContext(), false],
    ['uses the default for other symbols', intent({ symbol: 'B', qty: 4_999 }), riskContext(), true],
    ['denies at the default freeze quantity', intent({ symbol: 'B', qty: 5_000 }), riskContext(), false],
  ]],
  [freezeQtyCheck(null, {}), [['allows any quantity when no freeze quantity is set', intent({ qty: 10_000_000 }), riskContext(), true]]],
  [lotSizeCheck(25), [
    ['allows whole lots', intent({ qty: 75 }), riskContext(), true],
    ['denies one share past a lot', intent({ qty: 76 }), riskContext(), false],
    ['denies less than a lot', intent({ qty: 24 }), riskContext(), false],
  ]],
  [tickSizeCheck(5), [
    ['allows prices on the tick', intent(), riskContext(), true],
    ['denies an entry one paisa off the tick', intent({ entry: rupees(100.01) }), riskContext(), false],
    ['denies a stop off the tick', intent({ stopLoss: rupees(98.03) }), riskContext(), false],
    ['denies a target off the tick', intent({ target: rupees(104.04) }), riskContext(), false],
  ]],
  [priceBandCheck(5), [
    ['allows the entry at the band edge', intent({ entry: rupees(105) }), riskContext(), true],
    ['allows the entry at the lower band edge', intent({ entry: rupees(95) }), riskContext(), true],
    ['denies one tick past the band', intent({ entry: rupees(105.05) }), riskContext(), false],
    ['denies a fat finger', intent({ entry: rupees(1_000) }), riskContext(), false],
    ['denies without a last traded price', intent(), riskContext({ lastPricePaise: () => undefined }), false],
  ]],
  [onePositionPerSymbolCheck, [
    ['allows a symbol with nothing working', intent(), riskContext(), true],
    ['denies a symbol with a position or working entry', intent(), riskContext({ isSymbolBusy: () => true }), false],
  ]],
  [maxPositionCheck(rupees(100_000), 2_000), [
    ['allows a position of exactly the notional limit', intent({ qty: 1_000 }), riskContext(), true],
    ['denies one share over the notional limit', intent({ qty: 1_001 }), riskContext(), false],
    ['denies adding to a position past it', intent({ qty: 600 }), riskContext({ position: () => position('BUY', 500) }), false],
    ['allows shrinking a position already too large', intent({ side: 'SELL', qty: 100 }), riskContext({ position: () => position('BUY', 5_000) }), true],
  ]],
  [maxPositionCheck(rupees(1_000_000), 2_000), [
    ['allows the quantity limit', intent({ qty: 2_000 }), riskContext(), true],
    ['denies one share over the quantity limit', intent({ qty: 2_001 }), riskContext(), false],
  ]],
  [maxOpenPositionsCheck(3), [
    ['allows one under the limit', intent(), riskContext({ openPositions: 2 }), true],
    ['denies at the limit', intent(), riskContext({ openPositions: 3 }), false],
    ['denies past the limit', intent(), riskContext({ openPositions: 7 }), false],
    ['allows a symbol already open at the limit', intent(), riskContext({ openPositions: 3, isSymbolBusy: () => true }), true],
  ]],
  [grossExposureCheck(rupees(500_000)), [
    ['allows exposure reaching exactly the limit', intent({ qty: 1_000 }), riskContext({ grossExposurePaise: rupees(400_000) }), true],
    ['denies one paisa over', intent({ qty: 1_000 }), riskContext({ grossExposurePaise: rupees(400_000) + 1 }), false],
    ['denies far over', intent({ qty: 1_000 }), riskContext({ grossExposurePaise: rupees(900_000) }), false],
    ['allows an order that shrinks a position', intent({ side: 'SELL', qty: 100 }), riskContext({ grossExposurePaise: rupees(900_000), position: () => position('BUY', 100) }), true],
  ]],
  [capitalCheck(rupees(100_000), 5), [
    ['allows margin that uses the last free rupee', intent({ qty: 1_000 }), riskContext({ grossExposurePaise: rupees(400_000) }), true],
    ['denies margin one paisa over the free capital', intent({ qty: 1_000 }), riskContext({ grossExposurePaise: rupees(400_000) + 5 }), false],
    ['denies with all capital in use', intent({ qty: 1 }), riskContext({ grossExposurePaise: rupees(500_000) }), false],
    ['denies when realised losses shrank the available capital', intent({ qty: 1_000 }), riskContext({ grossExposurePaise: rupees(300_000), realisedPnlPaise: -rupees(20_000) - 1 }), false],
    ['allows more after realised profits', intent({ qty: 1_000 }), riskContext({ grossExposurePaise: rupees(450_000), realisedPnlPaise: rupees(10_000) }), true],
    ['allows an order that shrinks a position', intent({ side: 'SELL', qty: 100 }), riskContext({ grossExposurePaise: rupees(500_000), position: () => position('BUY', 100) }), true],
  ]],
  [ordersPerWindowCheck('RISK_ORDERS_PER_SECOND', 1_000, 3), [
    ['allows two orders in the last second', intent(), riskContext({ activity: activityWith(2, ten) }), true],
    ['allows when the third oldest left the window', intent(), riskContext({ activity: activityWith(3, ten, 500) }), true],
    ['denies at three orders in the last second', intent(), riskContext({ activity: activityWith(3, ten, 499) }), false],
    ['denies past it', intent(), riskContext({ activity: activityWith(9, ten) }), false],
  ]],
  [ordersPerWindowCheck('RISK_ORDERS_PER_MINUTE', 60_000, 200), [
    ['allows 199 orders in the last minute', intent(), riskContext({ activity: activityWith(199, ten, 100) }), true],
    ['denies at 200', intent(), riskContext({ activity: activityWith(200, ten, 100) }), false],
    ['denies past it', intent(), riskContext({ activity: activityWith(250, ten, 100) }), false],
    ['allows 200 spread over more than a minute', intent(), riskContext({ activity: activityWith(200, ten, 302) }), true],
  ]],
  [ordersPerDayCheck(5), [
    ['allows the fifth order of the day', intent(), riskContext({ activity: activityWith(4, ten, 60_000) }), true],
    ['denies at five orders today', intent(), riskContext({ activity: activityWith(5, ten, 60_000) }), false],
    ['denies past it', intent(), riskContext({ activity: activityWith(8, ten, 60_000) }), false],
    ["ignores yesterday's orders", intent(), riskContext({ activity: activityWith(8, ten - 86_400_000, 60_000) }), true],
  ]],
];

describe.each(table.map(([check, cases]) => [check.id, check, cases] as const))('%s', (code, check, cases) => {
  it.each(cases.map((c) => [...c]))('%s', (_name, i, ctx, allowed) => {
    const d = check.check(i, ctx);
    if (allowed) expect(d).toEqual({ ok: true });
    else expect(d).toMatchObject({ ok: false, code, reason: expect.any(String) });
  });
});
