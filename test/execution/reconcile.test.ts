import { describe, expect, it } from 'vitest';
import { type BrokerOrder, type BrokerPosition, SymbolTable, epochMs, paise, qty } from '../../src/core/index.js';
import { OrderManager, PositionLedger, defaultChargeRates, reconcile } from '../../src/execution/index.js';
import { ist, order } from '../support/builders.js';

const symbols = new SymbolTable(['AAA', 'BBB', 'CCC']);
const brokerOrder = (o: Partial<BrokerOrder> & Pick<BrokerOrder, 'clientOrderId' | 'status'>): BrokerOrder => ({
  brokerOrderId: `B-${o.clientOrderId}`, symbol: 'AAA', side: 'BUY', qty: 10, type: 'MARKET', filledQty: 0, avgFillPrice: paise(0), updatedMs: epochMs(ist('10:05')), ...o,
});
const setup = () => {
  const ledger = new PositionLedger(defaultChargeRates);
  return { ledger, manager: new OrderManager(ledger) };
};
const input = (brokerOrders: BrokerOrder[], brokerPositions: BrokerPosition[]) => ({
  brokerOrders, brokerPositions, now: epochMs(ist('10:10')), owns: (id: string) => id.startsWith('E'), symbols,
});

describe('reconcile', () => {
  it('takes the broker status and applies the fills the engine missed at the broker average price', () => {
    const { manager, ledger } = setup();
    manager.placed(order({ type: 'MARKET', side: 'BUY', clientOrderId: 'E1', symbol: 'AAA', symbolId: 0 }), { kind: 'accepted', brokerOrderId: 'B-E1' });
    const diffs = reconcile(manager, ledger, input(
      [brokerOrder({ clientOrderId: 'E1', status: 'TRADED', filledQty: 10, avgFillPrice: paise(10_050) })],
      [{ symbol: 'AAA', netQty: 10, avgPrice: paise(10_050), realisedPaise: 0 }],
    ));
    expect(diffs).toEqual([
      { kind: 'ORDER_STATUS', clientOrderId: 'E1', local: 'TRANSIT', broker: 'TRADED' },
      { kind: 'ORDER_FILLED_QTY', clientOrderId: 'E1', local: 0, broker: 10 },
    ]);
    expect(ledger.position(0)).toMatchObject({ qty: 10, avgPrice: 10_050 });
    expect(reconcile(manager, ledger, input([brokerOrder({ clientOrderId: 'E1', status: 'TRADED', filledQty: 10, avgFillPrice: paise(10_050) })], [{ symbol: 'AAA', netQty: 10, avgPrice: paise(10_050), realisedPaise: 0 }])), 'idempotent').toEqual([]);
  });

  it('adopts our orders found only at the broker, closes local ones the broker never saw, and leaves foreign orders alone', () => {
    const { manager, ledger } = setup();
    manager.placed(order({ type: 'MARKET', side: 'BUY', clientOrderId: 'E2', symbol: 'BBB', symbolId: 1 }), { kind: 'unknown', reason: 'timeout' });
    const diffs = reconcile(manager, ledger, input(
      [brokerOrder({ clientOrderId: 'E3', status: 'PENDING', symbol: 'CCC' }), brokerOrder({ clientOrderId: 'web-1', status: 'TRADED', filledQty: 10 })],
      [],
    ));
    expect(diffs).toEqual([
      { kind: 'ORDER_ONLY_AT_BROKER', clientOrderId: 'E3', brokerOrderId: 'B-E3', status: 'PENDING', filledQty: 0 },
      { kind: 'ORDER_NOT_AT_BROKER', clientOrderId: 'E2', localStatus: 'TRANSIT' },
    ]);
    expect(manager.get('E3')).toMatchObject({ status: 'PENDING', request: { symbol: 'CCC', symbolId: 2, qty: 10 } });
    expect(manager.get('E2')?.status).toBe('REJECTED');
    expect(manager.get('web-1')).toBeUndefined();
  });

  it('corrects a position the orders do not explain, across zero in two legs', () => {
    const { manager, ledger } = setup();
    const buy = order({ type: 'MARKET', side: 'BUY', clientOrderId: 'E4', symbol: 'AAA', symbolId: 0, qty: qty(10) });
    manager.placed(buy, { kind: 'accepted', brokerOrderId: 'B-E4' });
    manager.onUpdate({ clientOrderId: 'E4', brokerOrderId: 'B-E4', status: 'TRADED', filledQty: 10, atMs: epochMs(ist('10:01')) });
    manager.applyFill({ fillId: 'F1', clientOrderId: 'E4', brokerOrderId: 'B-E4', symbol: 'AAA', symbolId: 0, side: 'BUY', qty: qty(10), price: paise(10_000), atMs: epochMs(ist('10:01')), purpose: 'ENTRY', scannerId: 's', signalId: 'g' });
    const diffs = reconcile(manager, ledger, input(
      [brokerOrder({ clientOrderId: 'E4', status: 'TRADED', filledQty: 10, avgFillPrice: paise(10_000) })],
      [{ symbol: 'AAA', netQty: -5, avgPrice: paise(9_900), realisedPaise: 0 }, { symbol: 'ZZZ', netQty: 7, avgPrice: paise(100), realisedPaise: 0 }],
    ));
    expect(diffs).toEqual([
      { kind: 'POSITION', symbol: 'AAA', local: 10, broker: -5, applied: true },
      { kind: 'POSITION', symbol: 'ZZZ', local: 0, broker: 7, applied: false },
    ]);
    expect(ledger.position(0)).toMatchObject({ qty: 5, side: 'SELL', avgPrice: 9_900 });
  });
});
