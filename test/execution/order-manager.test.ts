import { describe, expect, it } from 'vitest';
import type { Fill, OrderRequest, OrderStatus, OrderUpdate } from '../../src/core/index.js';
import { epochMs, paise, qty } from '../../src/core/index.js';
import { LEGAL_TRANSITIONS, OrderManager, PositionLedger, defaultChargeRates } from '../../src/execution/index.js';
import { ist, order } from '../support/builders.js';

const setup = () => {
  const ledger = new PositionLedger(defaultChargeRates);
  return { ledger, manager: new OrderManager(ledger) };
};
const update = (status: OrderStatus, filledQty = 0, clientOrderId = 'C1'): OrderUpdate => ({ clientOrderId, brokerOrderId: 'B1', status, filledQty, atMs: ist('10:00') });
const fill = (req: OrderRequest, n: number, rupees: number, id: string): Fill => ({
  fillId: id, clientOrderId: req.clientOrderId, brokerOrderId: 'B1', symbol: req.symbol, symbolId: req.symbolId, side: req.side, qty: qty(n),
  price: paise(Math.round(rupees * 100)), atMs: epochMs(ist('10:01')), purpose: req.purpose, scannerId: req.scannerId, signalId: req.signalId,
});

describe('OrderManager', () => {
  it('refuses an illegal transition (TRADED → PENDING), changes nothing and counts it by code', () => {
    const { manager } = setup();
    const req = order({ type: 'MARKET', side: 'BUY' });
    manager.placed(req, { kind: 'accepted', brokerOrderId: 'B1' });
    expect(manager.onUpdate(update('TRADED', 10))).toMatchObject({ ok: true, changed: true });
    const r = manager.onUpdate(update('PENDING', 10));
    expect(r).toEqual({ ok: false, code: 'ORDER_ILLEGAL_TRANSITION', clientOrderId: 'C1', reason: 'TRADED → PENDING', from: 'TRADED', to: 'PENDING' });
    expect(manager.get('C1')?.status).toBe('TRADED');
    expect(manager.refusals.get('ORDER_ILLEGAL_TRANSITION')).toBe(1);
  });

  it.each([
    ['CANCELLED', 'TRADED'], ['REJECTED', 'PENDING'], ['PART_TRADED', 'PENDING'], ['PART_TRADED', 'REJECTED'], ['PENDING', 'TRANSIT'], ['EXPIRED', 'PART_TRADED'],
  ] as [OrderStatus, OrderStatus][])('refuses %s → %s', (from, to) => {
    expect(LEGAL_TRANSITIONS[from]).not.toContain(to);
  });

  it('walks TRANSIT → PENDING → PART_TRADED → TRADED; a repeated status is a no-op, not a refusal', () => {
    const { manager } = setup();
    manager.placed(order({ type: 'MARKET', side: 'BUY' }), { kind: 'accepted', brokerOrderId: 'B1' });
    expect(manager.onUpdate(update('PENDING'))).toMatchObject({ ok: true, changed: true });
    expect(manager.onUpdate(update('PENDING'))).toMatchObject({ ok: true, changed: false });
    expect(manager.onUpdate(update('PART_TRADED', 4))).toMatchObject({ ok: true });
    expect(manager.onUpdate(update('PART_TRADED', 3))).toMatchObject({ ok: false, code: 'ORDER_FILL_REGRESSION' });
    expect(manager.onUpdate(update('TRADED', 10))).toMatchObject({ ok: true });
    expect(manager.refusedTotal).toBe(1);
  });

  it('changes the position only on fills: accepted and TRADED messages alone move nothing', () => {
    const { manager, ledger } = setup();
    const req = order({ type: 'MARKET', side: 'BUY' });
    manager.placed(req, { kind: 'accepted', brokerOrderId: 'B1' });
    manager.onUpdate(update('TRADED', 10));
    expect(ledger.position(req.symbolId), 'no fill yet').toBeUndefined();
    expect(manager.applyFill(fill(req, 10, 100, 'F1')).ok).toBe(true);
    expect(ledger.position(req.symbolId)).toMatchObject({ qty: 10 });
  });

  it('gives the right position and P&L from partial fills, and refuses a duplicate fill and an overfill', () => {
    const { manager, ledger } = setup();
    const buy = order({ type: 'MARKET', side: 'BUY', qty: qty(10) });
    manager.placed(buy, { kind: 'accepted', brokerOrderId: 'B1' });
    manager.applyFill(fill(buy, 4, 100, 'F1'));
    expect(manager.applyFill(fill(buy, 4, 100, 'F1'))).toMatchObject({ ok: false, code: 'ORDER_DUPLICATE_FILL' });
    manager.applyFill(fill(buy, 6, 101, 'F2'));
    expect(manager.applyFill(fill(buy, 1, 101, 'F3'))).toMatchObject({ ok: false, code: 'ORDER_OVERFILL' });
    expect(manager.get(buy.clientOrderId)).toMatchObject({ filledQty: 10, avgFillPrice: 10_060 });
    expect(ledger.position(buy.symbolId)).toMatchObject({ qty: 10, side: 'BUY', avgPrice: 10_060 });
    const sell = order({ type: 'LIMIT', side: 'SELL', qty: qty(10), clientOrderId: 'C2', purpose: 'TARGET' });
    manager.placed(sell, { kind: 'accepted', brokerOrderId: 'B2' });
    manager.applyFill(fill(sell, 5, 102, 'F4'));
    expect(ledger.position(buy.symbolId)).toMatchObject({ qty: 5 });
    manager.applyFill(fill(sell, 5, 103, 'F5'));
    expect(ledger.position(buy.symbolId)).toBeUndefined();
    const t = ledger.trades[0];
    expect(t?.grossPnl, '(102 - 100.6) x 5 + (103 - 100.6) x 5 rupees').toBe(1900);
    expect(t?.netPnl).toBe(1900 - (t?.charges.total ?? 0));
    expect(t?.exitReason).toBe('TARGET');
  });

  it('tracks an order with an unknown outcome as unresolved until the broker reports it; denied orders are not tracked', () => {
    const { manager } = setup();
    const req = order({ type: 'MARKET', side: 'BUY' });
    manager.submitting(req);
    manager.placed(req, { kind: 'unknown', reason: 'timeout' });
    expect(manager.open().map((o) => [o.request.clientOrderId, o.unresolved])).toEqual([['C1', true]]);
    manager.onUpdate(update('PENDING'));
    expect(manager.get('C1')?.unresolved).toBe(false);
    const denied = order({ type: 'MARKET', side: 'BUY', clientOrderId: 'C9' });
    manager.submitting(denied);
    expect(manager.placed(denied, { kind: 'denied', code: 'BROKER_CIRCUIT_OPEN', reason: 'open' })).toBeUndefined();
    expect(manager.get('C9')).toBeUndefined();
  });

  it('keeps the later status when a socket update overtook the place answer', () => {
    const { manager } = setup();
    const req = order({ type: 'MARKET', side: 'BUY' });
    manager.submitting(req);
    manager.onUpdate(update('PENDING'));
    manager.placed(req, { kind: 'accepted', brokerOrderId: 'B1' });
    expect(manager.get('C1')).toMatchObject({ status: 'PENDING', brokerOrderId: 'B1', unresolved: false });
  });
});
