import { describe, expect, it } from 'vitest';
import type { Fill, OrderUpdate } from '../../../src/core/index.js';
import { SimBroker } from '../../../src/execution/sim/sim-broker.js';
import { bar, ist, order, rupees } from '../../support/builders.js';

const setup = () => {
  const sim = new SimBroker({ slippageBps: 0, tickPaise: 5 });
  const fills: Fill[] = [];
  const updates: OrderUpdate[] = [];
  sim.fills$.subscribe((f) => fills.push(f));
  sim.updates$.subscribe((u) => updates.push(u));
  return { sim, fills, updates };
};

const bracket = (sim: SimBroker) => Promise.all([
  sim.place(order({ clientOrderId: 'SL', type: 'STOP_LOSS_MARKET', side: 'SELL', triggerPrice: rupees(98), ocoGroup: 'E1', purpose: 'STOP', atMs: ist('10:00') })),
  sim.place(order({ clientOrderId: 'TG', type: 'LIMIT', side: 'SELL', limitPrice: rupees(104), ocoGroup: 'E1', purpose: 'TARGET', atMs: ist('10:00') })),
]);

describe('SimBroker', () => {
  it('fills the stop and cancels the target when one bar touches both (stop first)', async () => {
    const { sim, fills, updates } = setup();
    await bracket(sim);
    sim.matchBar(bar({ start: '10:01', o: 100, h: 105, l: 97, c: 101 }));
    expect(fills.map((f) => [f.clientOrderId, f.price])).toEqual([['SL', 9800]]);
    expect(updates.filter((u) => u.status === 'CANCELLED').map((u) => u.clientOrderId)).toEqual(['TG']);
    expect(await sim.openOrders()).toEqual([]);
  });

  it('fills the target alone when only the target is reached', async () => {
    const { sim, fills } = setup();
    await bracket(sim);
    sim.matchBar(bar({ start: '10:01', o: 100, h: 104.5, l: 99, c: 104 }));
    expect(fills.map((f) => f.clientOrderId)).toEqual(['TG']);
  });

  it('rests an order until a later bar of its own symbol fills it', async () => {
    const { sim, fills } = setup();
    await sim.place(order({ type: 'MARKET', side: 'BUY', atMs: ist('10:01'), symbolId: 1, symbol: 'B' }));
    sim.matchBar(bar({ start: '10:01', o: 50, h: 51, l: 49, c: 50, symbolId: 0 }));
    expect(fills).toEqual([]);
    sim.matchBar(bar({ start: '10:01', o: 70, h: 71, l: 69, c: 70, symbolId: 1, symbol: 'B' }));
    expect(fills.map((f) => [f.symbol, f.price, f.qty])).toEqual([['B', 7000, 10]]);
  });

  it('rejects a non-positive quantity and cancels working orders on request', async () => {
    const { sim } = setup();
    expect(await sim.place(order({ type: 'MARKET', side: 'BUY', qty: 0 as never }))).toMatchObject({ kind: 'rejected', code: 'SIM_BAD_QUANTITY' });
    await sim.place(order({ clientOrderId: 'X', type: 'LIMIT', side: 'BUY', limitPrice: rupees(90) }));
    expect(await sim.cancel('X')).toEqual({ kind: 'cancelled' });
    expect(await sim.cancel('X')).toMatchObject({ kind: 'rejected' });
  });
});
