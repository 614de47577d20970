import { afterEach, describe, expect, it } from 'vitest';
import type { Fill, OrderUpdate } from '../../../src/core/index.js';
import { paise, qty } from '../../../src/core/index.js';
import type { DhanBroker } from '../../../src/execution/dhan/index.js';
import { OrderManager, PositionLedger, defaultChargeRates } from '../../../src/execution/index.js';
import type { DhanSim } from '../../../src/sim/index.js';
import { until } from '../../support/sim-harness.js';
import { dhanBrokerFor, orderFault, orderFill, orderLog, simOrder, startOrderSim } from './dhan-harness.js';

let sim: DhanSim | undefined;
let brokers: DhanBroker[] = [];
afterEach(async () => {
  for (const b of brokers) b.stop();
  brokers = [];
  await sim?.close();
  sim = undefined;
});

const setup = async (o: Parameters<typeof dhanBrokerFor>[1] = {}) => {
  sim = await startOrderSim();
  const s = dhanBrokerFor(sim, o);
  brokers.push(s.broker);
  const updates: OrderUpdate[] = [];
  const fills: Fill[] = [];
  s.broker.updates$.subscribe((u) => updates.push(u));
  s.broker.fills$.subscribe((f) => fills.push(f));
  if (s.socket !== undefined) await until(() => s.socket?.state$.value === 'open', 3000, 'order socket open');
  await until(async () => (await orderLog(sim as DhanSim)).updates.logins > 0 || s.socket === undefined, 3000, 'login');
  return { sim, ...s, updates, fills };
};

const countAtBroker = async (s: DhanSim, cid: string): Promise<number> => (await orderLog(s)).orders.filter((o) => o.correlationId === cid).length;

describe('DhanBroker against the simulator', () => {
  it('accepts an order with its clientOrderId as correlationId and reports TRANSIT then PENDING, never a fill', async () => {
    const { sim, broker, symbols, updates, fills } = await setup();
    const req = simOrder(sim, symbols);
    const out = await broker.place(req);
    expect(out.kind).toBe('accepted');
    await until(() => updates.some((u) => u.status === 'PENDING'), 3000, 'PENDING');
    expect(updates.map((u) => u.status)).toEqual(['TRANSIT', 'PENDING']);
    expect(updates.every((u) => u.clientOrderId === req.clientOrderId)).toBe(true);
    expect(fills, 'accepted is not filled').toEqual([]);
    const atBroker = await broker.account.orderByCorrelationId(req.clientOrderId);
    expect(atBroker?.brokerOrderId).toBe(out.kind === 'accepted' ? out.brokerOrderId : '');
  });

  it('places exactly one order at the broker when the answer to a placed order is lost (connection dropped)', async () => {
    const { sim, broker, symbols } = await setup();
    await orderFault(sim, { dropResponse: 1 });
    const req = simOrder(sim, symbols);
    const out = await broker.place(req);
    expect(out.kind, 'found by correlationId after the lost answer').toBe('accepted');
    expect(await countAtBroker(sim, req.clientOrderId)).toBe(1);
    expect((await orderLog(sim)).counters.dropped).toBe(1);
    expect(broker.stats.retries, 'no retry when the lookup finds the order').toBe(0);
  });

  it('places exactly one order when the answer never comes (timeout), then finds it by correlationId', async () => {
    const { sim, broker, symbols } = await setup({ timeoutMs: 200 });
    await orderFault(sim, { timeout: 1 });
    const req = simOrder(sim, symbols);
    expect((await broker.place(req)).kind).toBe('accepted');
    expect(await countAtBroker(sim, req.clientOrderId)).toBe(1);
  });

  it('retries once after a 5xx only when the lookup proves the order is absent', async () => {
    const { sim, broker, symbols } = await setup();
    await orderFault(sim, { error5xx: 1 });
    const req = simOrder(sim, symbols);
    expect((await broker.place(req)).kind).toBe('accepted');
    expect(broker.stats.retries).toBe(1);
    expect(await countAtBroker(sim, req.clientOrderId)).toBe(1);
  });

  it('leaves the outcome unknown when the lookup fails too, and counts no fill', async () => {
    const { sim, broker, symbols, fills } = await setup();
    await orderFault(sim, { error5xx: true });
    const out = await broker.place(simOrder(sim, symbols));
    expect(out.kind).toBe('unknown');
    expect(fills).toEqual([]);
  });

  it('rejects a bad quantity definitively (HTTP 400 DH-905) and a 429 as BROKER_RATE_LIMITED', async () => {
    const { sim, broker, symbols } = await setup();
    const bad = await broker.place(simOrder(sim, symbols, { qty: qty(0) }));
    expect(bad).toMatchObject({ kind: 'rejected', code: 'BROKER_ORDER_REJECTED' });
    await orderFault(sim, { rateLimit: 1 });
    expect(await broker.place(simOrder(sim, symbols))).toMatchObject({ kind: 'rejected', code: 'BROKER_RATE_LIMITED' });
  });

  it('reports the exchange rejection of a price off the tick as REJECTED with the reason', async () => {
    const { sim, broker, symbols, updates } = await setup();
    const req = simOrder(sim, symbols, { type: 'LIMIT', limitPrice: paise(10_003) });
    expect((await broker.place(req)).kind).toBe('accepted');
    await until(() => updates.some((u) => u.status === 'REJECTED'), 3000, 'REJECTED');
    expect(updates.find((u) => u.status === 'REJECTED')?.reason).toMatch(/tick/);
  });

  it('turns partial fills into fills of the increments, and the ledger holds the right position and P&L', async () => {
    const { sim, broker, symbols, fills } = await setup();
    const ledger = new PositionLedger(defaultChargeRates);
    const manager = new OrderManager(ledger);
    broker.fills$.subscribe((f) => manager.applyFill(f));
    broker.updates$.subscribe((u) => manager.onUpdate(u));
    const buy = simOrder(sim, symbols, { qty: qty(10) });
    manager.submitting(buy);
    manager.placed(buy, await broker.place(buy));
    await until(async () => (await orderLog(sim)).orders.some((o) => o.correlationId === buy.clientOrderId && o.orderStatus === 'PENDING'), 3000, 'PENDING');
    await orderFill(sim, { correlationId: buy.clientOrderId, qty: 4, pricePaise: 10_000 });
    await until(() => fills.length === 1, 3000, 'first fill');
    expect(manager.get(buy.clientOrderId)?.status).toBe('PART_TRADED');
    expect(ledger.position(buy.symbolId)).toMatchObject({ qty: 4, side: 'BUY', avgPrice: 10_000 });
    await orderFill(sim, { correlationId: buy.clientOrderId, qty: 6, pricePaise: 10_100 });
    await until(() => fills.length === 2, 3000, 'second fill');
    expect(fills.map((f) => [f.qty, f.price])).toEqual([[4, 10_000], [6, 10_100]]);
    expect(ledger.position(buy.symbolId)).toMatchObject({ qty: 10, avgPrice: 10_060 });
    const sell = simOrder(sim, symbols, { side: 'SELL', qty: qty(10), purpose: 'TARGET' });
    manager.submitting(sell);
    manager.placed(sell, await broker.place(sell));
    await until(async () => (await orderLog(sim)).orders.some((o) => o.correlationId === sell.clientOrderId && o.orderStatus === 'PENDING'), 3000, 'PENDING');
    await orderFill(sim, { correlationId: sell.clientOrderId, pricePaise: 10_200 });
    await until(() => fills.length === 3, 3000, 'exit fill');
    expect(ledger.position(buy.symbolId)).toBeUndefined();
    expect(ledger.trades[0]?.grossPnl, '(102.00 - 100.60) x 10 shares').toBe(1400);
    expect(manager.get(buy.clientOrderId)).toMatchObject({ status: 'TRADED', filledQty: 10 });
    expect(manager.refusedTotal).toBe(0);
  });

  it('falls back to polling the order book while the order-update socket is down, then reconnects without double fills', async () => {
    const { sim, broker, symbols, fills, updates, socket } = await setup();
    let reconnects = 0;
    broker.reconnected$.subscribe(() => reconnects++);
    await orderFault(sim, { refuseUpdates: true, dropUpdateSockets: true });
    await until(() => socket?.state$.value !== 'open', 3000, 'socket down');
    const req = simOrder(sim, symbols);
    expect((await broker.place(req)).kind).toBe('accepted');
    await until(() => updates.some((u) => u.status === 'PENDING'), 3000, 'PENDING by polling');
    await orderFill(sim, { correlationId: req.clientOrderId, qty: 10, pricePaise: 10_050 });
    await until(() => fills.length === 1, 3000, 'fill by polling');
    expect(socket?.state$.value, 'the fill came by polling').not.toBe('open');
    await orderFault(sim, { refuseUpdates: false });
    await until(() => reconnects === 1, 3000, 'reconnected');
    await new Promise((r) => setTimeout(r, 150));
    expect(fills.map((f) => [f.qty, f.price])).toEqual([[10, 10_050]]);
    expect(updates.filter((u) => u.status === 'TRADED')).toHaveLength(1);
  });

  it('cancels a working order and modifies one, and reads positions, trades and the fund limit', async () => {
    const { sim, broker, symbols, updates } = await setup();
    const a = simOrder(sim, symbols, { type: 'LIMIT', limitPrice: paise(Math.round((sim.instruments[0]?.basePaise ?? 10_000) / 5) * 5) });
    expect((await broker.place(a)).kind).toBe('accepted');
    await until(() => updates.some((u) => u.status === 'PENDING'), 3000, 'PENDING');
    expect(await broker.modify(a.clientOrderId, { qty: qty(12) })).toEqual({ kind: 'modified' });
    expect(await broker.cancel(a.clientOrderId)).toEqual({ kind: 'cancelled' });
    await until(() => updates.some((u) => u.status === 'CANCELLED'), 3000, 'CANCELLED (sent as "Cancelled")');
    expect(await broker.cancel(a.clientOrderId)).toMatchObject({ kind: 'rejected', code: 'BROKER_ORDER_REJECTED' });
    const b = simOrder(sim, symbols, { i: 1, qty: qty(3) });
    await broker.place(b);
    await until(async () => (await orderLog(sim)).orders.some((o) => o.correlationId === b.clientOrderId && o.orderStatus === 'PENDING'), 3000, 'PENDING');
    await orderFill(sim, { correlationId: b.clientOrderId, pricePaise: 20_000 });
    await until(async () => (await broker.positions()).length > 0, 3000, 'position');
    expect(await broker.positions()).toEqual([{ symbol: b.symbol, netQty: 3, avgPrice: 20_000, realisedPaise: 0 }]);
    expect((await broker.account.tradeBook()).map((t) => [t.symbol, t.qty, t.price])).toEqual([[b.symbol, 3, 20_000]]);
    expect((await broker.account.fundLimit()).availablePaise).toBeGreaterThan(0);
    expect((await broker.openOrders()).map((o) => o.clientOrderId)).toEqual([]);
  });
});
