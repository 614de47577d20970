import { describe, expect, it } from 'vitest';
import { type Fill, type JournalRecord, OrderIdGenerator, type OrderIntent, type Qty, ReplayClock } from '../../src/core/index.js';
import { OrderRouter, PositionLedger } from '../../src/execution/index.js';
import { chargeRatesSchema } from '../../src/execution/charges-config.js';
import { SimBroker } from '../../src/execution/sim/sim-broker.js';
import { bar, ist, rupees } from '../support/builders.js';

const setup = (entryTtlMs = 0) => {
  const clock = new ReplayClock(ist('10:00'));
  const sim = new SimBroker({ slippageBps: 0, tickPaise: 5 });
  const ledger = new PositionLedger(chargeRatesSchema.parse({}));
  const records: JournalRecord[] = [];
  const router = new OrderRouter(sim, new OrderIdGenerator('T'), ledger, { append: (r) => void records.push(r), flush: async () => undefined }, clock, entryTtlMs);
  const fills: Fill[] = [];
  sim.fills$.subscribe((f) => {
    ledger.applyFill(f);
    fills.push(f);
    void router.onFill(f);
  });
  const intent = (symbolId: number, symbol: string): OrderIntent => ({
    signalId: `s:${symbol}`, scannerId: 's', symbol, symbolId, side: 'BUY', qty: 10 as Qty, entry: rupees(100), target: rupees(110), stopLoss: rupees(95), atMs: ist('10:00'),
  });
  const orders = () => records.filter((r): r is Extract<JournalRecord, { kind: 'order' }> => r.kind === 'order').map((r) => r.order);
  return { clock, sim, ledger, router, intent, orders, fills };
};

describe('OrderRouter', () => {
  it('squares a position off once even when asked twice before the square-off order fills (no reversal)', async () => {
    const { sim, ledger, router, intent, orders } = setup();
    await router.submit(intent(0, 'AAA'));
    sim.matchBar(bar({ start: '10:00', o: 100, h: 101, l: 99, c: 100, symbol: 'AAA' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(ledger.position(0)?.qty).toBe(10);
    await router.squareOffAll();
    await router.squareOffAll(); // e.g. a kill-switch flatten just before the 15:15 square-off
    expect(orders().filter((o) => o.purpose === 'SQUARE_OFF')).toHaveLength(1);
    sim.matchBar(bar({ start: '10:01', o: 100, h: 101, l: 99, c: 100, symbol: 'AAA' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(ledger.position(0)).toBeUndefined();
  });

  it('cancelWorkingEntries cancels entries not yet filled and leaves open positions with their brackets', async () => {
    const { sim, ledger, router, intent } = setup();
    await router.submit(intent(0, 'AAA'));
    sim.matchBar(bar({ start: '10:00', o: 100, h: 101, l: 99, c: 100, symbol: 'AAA', symbolId: 0 }));
    await new Promise((r) => setTimeout(r, 0));
    await router.submit(intent(1, 'BBB'));
    expect(await router.cancelWorkingEntries()).toBe(1);
    expect(router.isBusy(1)).toBe(false);
    expect(router.isBusy(0)).toBe(true);
    const open = await sim.openOrders();
    expect(open.map((o) => o.purpose).sort()).toEqual(['STOP', 'TARGET']);
    expect(ledger.position(0)?.qty).toBe(10);
  });

  it('squares off a position it did not open (adopted from the broker after a restart), once', async () => {
    const { ledger, router, orders } = setup();
    ledger.applyFill({
      fillId: 'R1', clientOrderId: 'LV-old', brokerOrderId: 'B1', symbol: 'CCC', symbolId: 2, side: 'SELL', qty: 7 as Qty, price: rupees(50),
      atMs: ist('10:00'), purpose: 'ENTRY', scannerId: 'reconcile', signalId: 'reconcile:CCC',
    });
    await router.squareOffAll();
    await router.squareOffAll();
    const sq = orders().filter((o) => o.purpose === 'SQUARE_OFF');
    expect(sq).toHaveLength(1);
    expect(sq[0]).toMatchObject({ symbolId: 2, side: 'BUY', qty: 7 });
  });

  it('cancels an entry left unfilled past its timeout, and frees the symbol', async () => {
    const { sim, router, intent } = setup(120_000);
    await router.submit(intent(0, 'AAA'));
    expect(router.hasStaleEntries(ist('10:01'))).toBe(false);
    expect(router.hasStaleEntries(ist('10:02'))).toBe(true);
    expect(await router.cancelStaleEntries(ist('10:02'))).toBe(1);
    expect(router.isBusy(0)).toBe(false);
    expect(await sim.openOrders()).toEqual([]);
    const keep = setup(0);
    await keep.router.submit(keep.intent(0, 'AAA'));
    expect(keep.router.hasStaleEntries(ist('15:00')), 'timeout 0: never stale').toBe(false);
  });

  it('finds a stale entry submitted after an earlier check when the first entry filled', async () => {
    const { sim, clock, router, intent } = setup(120_000);
    await router.submit(intent(0, 'AAA'));
    sim.matchBar(bar({ start: '10:00', o: 100, h: 101, l: 99, c: 100, symbol: 'AAA', symbolId: 0 }));
    await new Promise((r) => setTimeout(r, 0));
    expect(router.hasStaleEntries(ist('10:05')), 'a filled entry is never stale').toBe(false);
    clock.advanceTo(ist('10:06'));
    await router.submit({ ...intent(1, 'BBB'), atMs: ist('10:06') });
    expect(router.hasStaleEntries(ist('10:07')), 'the new entry is not due yet').toBe(false);
    expect(router.hasStaleEntries(ist('10:08')), 'a check that found nothing earlier does not hide the new entry').toBe(true);
  });
});
