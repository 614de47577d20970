import { afterEach, describe, expect, it } from 'vitest';
import { epochMs, paise, qty } from '../../src/core/index.js';
import type { DhanBroker } from '../../src/execution/dhan/index.js';
import { OrderManager, PositionLedger, defaultChargeRates, reconcile } from '../../src/execution/index.js';
import type { DhanSim } from '../../src/sim/index.js';
import { until } from '../support/sim-harness.js';
import { CLIENT_ID, TOKEN, dhanBrokerFor, orderFill, orderLog, simOrder, startOrderSim } from './dhan/dhan-harness.js';

let sim: DhanSim | undefined;
const brokers: DhanBroker[] = [];
afterEach(async () => {
  for (const b of brokers.splice(0)) b.stop();
  await sim?.close();
  sim = undefined;
});

const pending = async (s: DhanSim, cid: string) =>
  until(async () => (await orderLog(s)).orders.some((o) => o.correlationId === cid && o.orderStatus === 'PENDING'), 3000, `${cid} PENDING`);

describe('restart in the middle of open orders', () => {
  it('reconciles the restarted engine to the broker: fills missed while down, a cancel, an adopted and a phantom order', async () => {
    sim = await startOrderSim();
    const a = dhanBrokerFor(sim, { socket: false });
    brokers.push(a.broker);
    const e1 = simOrder(sim, a.symbols, { i: 0, qty: qty(10) });
    const e2 = simOrder(sim, a.symbols, { i: 1, qty: qty(20), type: 'LIMIT', limitPrice: paise(Math.round((sim.instruments[1]?.basePaise ?? 0) / 5) * 5) });
    const e3 = simOrder(sim, a.symbols, { i: 2, qty: qty(5), side: 'SELL' });
    const journal = [e1, e2, e3];
    for (const o of journal) expect((await a.broker.place(o)).kind).toBe('accepted');
    for (const o of journal) await pending(sim, o.clientOrderId);
    await orderFill(sim, { correlationId: e1.clientOrderId, qty: 4, pricePaise: 10_000 });
    a.broker.stop();

    await orderFill(sim, { correlationId: e1.clientOrderId, qty: 6, pricePaise: 10_100 });
    const cancel = await fetch(`${sim.apiUrl}/orders/${(await a.broker.account.orderByCorrelationId(e2.clientOrderId))?.brokerOrderId}`, { method: 'DELETE', headers: { 'access-token': TOKEN, 'client-id': CLIENT_ID } });
    expect(cancel.status).toBe(200);
    const e4 = simOrder(sim, a.symbols, { i: 3, qty: qty(3) });
    const sent = await fetch(`${sim.apiUrl}/orders`, {
      method: 'POST', headers: { 'access-token': TOKEN, 'client-id': CLIENT_ID, 'content-type': 'application/json' },
      body: JSON.stringify({ dhanClientId: CLIENT_ID, correlationId: e4.clientOrderId, transactionType: 'BUY', exchangeSegment: 'NSE_EQ', productType: 'INTRADAY', orderType: 'MARKET', validity: 'DAY', securityId: sim.instruments[3]?.securityId, quantity: 3, price: 0 }),
    });
    expect(sent.status, 'placed by the old engine just before it died; never journaled').toBe(200);
    await pending(sim, e4.clientOrderId);
    await orderFill(sim, { correlationId: e4.clientOrderId, pricePaise: 30_000 });

    const b = dhanBrokerFor(sim, { socket: false });
    brokers.push(b.broker);
    const ledger = new PositionLedger(defaultChargeRates);
    const manager = new OrderManager(ledger);
    for (const o of journal) {
      manager.placed(o, { kind: 'accepted', brokerOrderId: '' });
      b.broker.track(o);
    }
    manager.applyFill({ fillId: 'journal-F1', clientOrderId: e1.clientOrderId, brokerOrderId: '', symbol: e1.symbol, symbolId: e1.symbolId, side: 'BUY', qty: qty(4), price: paise(10_000), atMs: epochMs(0), purpose: 'ENTRY', scannerId: 'scn', signalId: e1.signalId });
    const phantom = simOrder(sim, b.symbols, { i: 4 });
    manager.placed(phantom, { kind: 'unknown', reason: 'timeout before the crash' });

    const diffs = reconcile(manager, ledger, {
      brokerOrders: await b.broker.orderBook(), brokerPositions: await b.broker.positions(), now: epochMs(1), owns: (id) => id.startsWith('T-'), symbols: b.symbols,
    });
    const seen = diffs.map((d) => `${d.kind} ${'clientOrderId' in d ? d.clientOrderId : d.symbol}`).sort();
    expect(seen).toEqual([
      `ORDER_STATUS ${e1.clientOrderId}`, `ORDER_FILLED_QTY ${e1.clientOrderId}`, `ORDER_STATUS ${e2.clientOrderId}`, `ORDER_STATUS ${e3.clientOrderId}`,
      `ORDER_ONLY_AT_BROKER ${e4.clientOrderId}`, `ORDER_NOT_AT_BROKER ${phantom.clientOrderId}`,
    ].sort());
    expect(manager.get(e1.clientOrderId)).toMatchObject({ status: 'TRADED', filledQty: 10, avgFillPrice: 10_060 });
    expect(manager.get(e2.clientOrderId)?.status).toBe('CANCELLED');
    expect(manager.get(e3.clientOrderId)?.status).toBe('PENDING');
    expect(manager.get(e4.clientOrderId)).toMatchObject({ status: 'TRADED', filledQty: 3 });
    expect(manager.get(phantom.clientOrderId)?.status).toBe('REJECTED');
    expect(ledger.position(e1.symbolId)).toMatchObject({ qty: 10, avgPrice: 10_060 });
    expect(ledger.position(e4.symbolId)).toMatchObject({ qty: 3, avgPrice: 30_000 });
    const brokerNet = Object.fromEntries((await b.broker.positions()).map((p) => [p.symbol, p.netQty]));
    expect(brokerNet).toEqual({ [e1.symbol]: 10, [e4.symbol]: 3 });
    expect(manager.open().map((o) => o.request.clientOrderId)).toEqual([e3.clientOrderId]);
    const again = reconcile(manager, ledger, {
      brokerOrders: await b.broker.orderBook(), brokerPositions: await b.broker.positions(), now: epochMs(2), owns: (id) => id.startsWith('T-'), symbols: b.symbols,
    });
    expect(again, 'a second pass finds nothing').toEqual([]);
  });
});
