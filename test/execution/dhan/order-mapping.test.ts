import { describe, expect, it } from 'vitest';
import { type BrokerOrder, IST_OFFSET_MS, epochMs, paise, qty } from '../../../src/core/index.js';
import { modifyOrderBody, placeOrderBody } from '../../../src/execution/dhan/index.js';
import { FillTracker } from '../../../src/execution/dhan/fill-tracker.js';
import { parseIstDateTime } from '../../../src/execution/dhan/ist-time.js';
import { orderFromAlert } from '../../../src/execution/dhan/order-mapper.js';
import { dhanStatus } from '../../../src/execution/dhan/order-status.js';
import { order } from '../../support/builders.js';

const ins = { symbol: 'TEST', securityId: '11536', exchangeSegment: 'NSE_EQ' };

describe('placeOrderBody', () => {
  it('sends numbers as numbers, the clientOrderId as correlationId, and omits unused fields', () => {
    const body = placeOrderBody(order({ type: 'LIMIT', side: 'BUY', limitPrice: paise(12_345), qty: qty(7) }), ins, '1000000001', 'INTRADAY');
    expect(body).toEqual({
      dhanClientId: '1000000001', correlationId: 'C1', transactionType: 'BUY', exchangeSegment: 'NSE_EQ', productType: 'INTRADAY', orderType: 'LIMIT',
      validity: 'DAY', securityId: '11536', quantity: 7, price: 123.45,
    });
    expect(Object.values(body)).not.toContain('');
    const stop = placeOrderBody(order({ type: 'STOP_LOSS_MARKET', side: 'SELL', triggerPrice: paise(9_800) }), ins, '1', 'INTRADAY');
    expect(stop).toMatchObject({ orderType: 'STOP_LOSS_MARKET', price: 0, triggerPrice: 98 });
  });

  it('modifies with the original quantity unless told otherwise', () => {
    expect(modifyOrderBody(order({ type: 'LIMIT', side: 'BUY', limitPrice: paise(10_000), qty: qty(10) }), { limitPrice: paise(10_005) }, 'B1', 'c'))
      .toEqual({ dhanClientId: 'c', orderId: 'B1', orderType: 'LIMIT', quantity: 10, price: 100.05, validity: 'DAY' });
  });
});

describe('Dhan order updates', () => {
  it('parses IST wall time and refuses the 0001-01-01 sentinel', () => {
    expect(parseIstDateTime('2025-01-06 09:15:30')).toBe(Date.UTC(2025, 0, 6, 9, 15, 30) - IST_OFFSET_MS);
    expect(parseIstDateTime('0001-01-01 00:00:00')).toBeUndefined();
    expect(parseIstDateTime('NA')).toBeUndefined();
  });

  it.each([['Cancelled', 'CANCELLED'], ['traded', 'TRADED'], ['PART_TRADED', 'PART_TRADED'], ['Part Traded', 'PART_TRADED'], ['TRANSIT', 'TRANSIT'], ['CLOSED', undefined]])(
    'reads status %s as %s', (text, status) => expect(dhanStatus(text)).toBe(status),
  );

  it('maps an order_alert to engine units', () => {
    const o = orderFromAlert({
      OrderNo: '5200', CorrelationId: 'C1', SecurityId: '11536', Symbol: 'X', TxnType: 'S', OrderType: 'LMT', Quantity: 10, TradedQty: 4,
      Price: 101.5, TriggerPrice: 0, TradedPrice: 101.5, AvgTradedPrice: 101.5, Status: 'Part_Traded', ReasonDescription: 'CONFIRMED', LastUpdatedTime: '2025-01-06 10:00:00',
    }, () => 'TEST', epochMs(0));
    expect(o).toEqual({
      clientOrderId: 'C1', brokerOrderId: '5200', symbol: 'TEST', side: 'SELL', qty: 10, type: 'LIMIT', status: 'PART_TRADED', filledQty: 4, avgFillPrice: 10_150,
      limitPrice: 10_150, updatedMs: Date.UTC(2025, 0, 6, 10) - IST_OFFSET_MS,
    });
  });
});

describe('FillTracker', () => {
  it('turns cumulative reports into one fill per increment, priced from the change in average, once', () => {
    const t = new FillTracker();
    const req = order({ type: 'MARKET', side: 'BUY', qty: qty(10) });
    const row = (filledQty: number, avg: number): BrokerOrder => ({
      clientOrderId: 'C1', brokerOrderId: 'B1', symbol: 'TEST', side: 'BUY', qty: 10, type: 'MARKET', status: 'PART_TRADED', filledQty, avgFillPrice: paise(avg), updatedMs: epochMs(0),
    });
    expect(t.observe(row(4, 10_000), req)).toMatchObject({ fillId: 'B1-4', qty: 4, price: 10_000 });
    expect(t.observe(row(4, 10_000), req), 'the same report from polling').toBeUndefined();
    expect(t.observe(row(10, 10_060), req)).toMatchObject({ fillId: 'B1-10', qty: 6, price: 10_100 });
    expect(t.observe(row(7, 10_000), req), 'stale').toBeUndefined();
  });
});
