import { describe, expect, it } from 'vitest';
import type { Fill, Qty } from '../../src/core/index.js';
import { PositionLedger } from '../../src/execution/index.js';
import { chargeRatesSchema } from '../../src/execution/charges-config.js';
import { ist, rupees } from '../support/builders.js';

/** A fill of `qty` shares of symbol `symbolId` at ₹100. */
const fill = (symbolId: number, side: Fill['side'], qty: number, purpose: Fill['purpose'] = 'ENTRY'): Fill => ({
  fillId: `F-${symbolId}-${side}-${purpose}`, clientOrderId: `C-${symbolId}`, brokerOrderId: `B-${symbolId}`, symbol: `S${symbolId}`, symbolId, side,
  qty: qty as Qty, price: rupees(100), atMs: ist('10:00'), purpose, scannerId: 'scn', signalId: `sig-${symbolId}`,
});

describe('PositionLedger', () => {
  it('lists open symbols in ascending id order whatever order they opened and closed in', () => {
    const ledger = new PositionLedger(chargeRatesSchema.parse({}));
    for (const id of [7, 2, 9, 4]) ledger.applyFill(fill(id, 'BUY', 10));
    expect(ledger.openSymbolIds()).toEqual([2, 4, 7, 9]);
    ledger.applyFill(fill(4, 'SELL', 10, 'TARGET'));
    ledger.applyFill(fill(9, 'SELL', 4, 'STOP'));
    expect(ledger.openSymbolIds(), 'a partial exit keeps the symbol open').toEqual([2, 7, 9]);
    ledger.applyFill(fill(9, 'SELL', 6, 'STOP'));
    ledger.applyFill(fill(1, 'SELL', 5));
    expect(ledger.openSymbolIds()).toEqual([1, 2, 7]);
    expect(ledger.openSymbolIds().map((id) => ledger.position(id)?.qty)).toEqual([5, 10, 10]);
  });
});
