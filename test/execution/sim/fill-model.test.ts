import { describe, expect, it } from 'vitest';
import { fillPrice } from '../../../src/execution/sim/fill-model.js';
import { bar, ist, order, rupees } from '../../support/builders.js';

const cfg = { slippageBps: 0, tickPaise: 5 };

describe('fillPrice', () => {
  it('never fills on a bar that started before the order was placed (no look-ahead)', () => {
    const o = order({ type: 'MARKET', side: 'BUY', atMs: ist('10:01') });
    expect(fillPrice(o, bar({ start: '10:00', o: 100, h: 101, l: 99, c: 100 }), cfg)).toBeUndefined();
    expect(fillPrice(o, bar({ start: '10:01', o: 100.5, h: 101, l: 99, c: 100 }), cfg)).toBe(10050);
  });

  it('moves a market fill against the order by the slippage, rounded to the tick', () => {
    const b = bar({ start: '10:01', o: 100, h: 101, l: 99, c: 100 });
    const at = ist('10:01');
    expect(fillPrice(order({ type: 'MARKET', side: 'BUY', atMs: at }), b, { slippageBps: 2, tickPaise: 5 }), '100 × 1.0002 = 100.02 → up to 100.05').toBe(10005);
    expect(fillPrice(order({ type: 'MARKET', side: 'SELL', atMs: at }), b, { slippageBps: 2, tickPaise: 5 }), '99.98 → down to 99.95').toBe(9995);
  });

  it('fills a sell stop at the trigger, or at the open when the bar gaps through it', () => {
    const o = order({ type: 'STOP_LOSS_MARKET', side: 'SELL', triggerPrice: rupees(98), atMs: ist('10:00') });
    expect(fillPrice(o, bar({ start: '10:01', o: 100, h: 101, l: 97.5, c: 99 }), cfg)).toBe(9800);
    expect(fillPrice(o, bar({ start: '10:01', o: 97, h: 97.5, l: 96, c: 97 }), cfg)).toBe(9700);
    expect(fillPrice(o, bar({ start: '10:01', o: 100, h: 101, l: 98.05, c: 99 }), cfg)).toBeUndefined();
  });

  it('fills a sell limit when the high reaches it, at the open when it opens above', () => {
    const o = order({ type: 'LIMIT', side: 'SELL', limitPrice: rupees(102), atMs: ist('10:00') });
    expect(fillPrice(o, bar({ start: '10:01', o: 100, h: 102, l: 99, c: 101 }), cfg)).toBe(10200);
    expect(fillPrice(o, bar({ start: '10:01', o: 103, h: 104, l: 102, c: 103 }), cfg)).toBe(10300);
    expect(fillPrice(o, bar({ start: '10:01', o: 100, h: 101.95, l: 99, c: 101 }), cfg)).toBeUndefined();
  });

  it('mirrors stops and limits for buy orders', () => {
    const stop = order({ type: 'STOP_LOSS_MARKET', side: 'BUY', triggerPrice: rupees(102), atMs: ist('10:00') });
    const limit = order({ type: 'LIMIT', side: 'BUY', limitPrice: rupees(98), atMs: ist('10:00') });
    const b = bar({ start: '10:01', o: 100, h: 102.5, l: 97.5, c: 100 });
    expect([fillPrice(stop, b, cfg), fillPrice(limit, b, cfg)]).toEqual([10200, 9800]);
  });
});
