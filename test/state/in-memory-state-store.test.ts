import { describe, expect, it } from 'vitest';
import { InMemoryStateStore, stateKeyspace } from '../../src/state/index.js';

describe('InMemoryStateStore', () => {
  it('returns what was put as JSON round-trips it, by key and by prefix in key order', async () => {
    const s = new InMemoryStateStore();
    const ks = stateKeyspace('paper', 'a');
    s.put(ks.key('position', 'TCS'), { qty: 5, avg: 100 }, 'durable');
    s.put(ks.key('position', 'INFY'), { qty: -2, at: undefined }, 'durable');
    s.put(stateKeyspace('live', 'a').key('position', 'TCS'), { qty: 99 }, 'durable');
    s.put(ks.key('bar', 'TCS'), { toJSON: () => ({ c: 1 }) }, 'cache');
    expect(await s.get(ks.key('bar', 'TCS'))).toEqual({ c: 1 });
    const all = await s.getAll(ks.kindPrefix('position'));
    expect([...all.keys()]).toEqual(['te:paper:a:position:INFY', 'te:paper:a:position:TCS']);
    expect(all.get('te:paper:a:position:INFY')).toEqual({ qty: -2 });
    s.delete(ks.key('position', 'TCS'));
    expect(await s.get(ks.key('position', 'TCS'))).toBeUndefined();
    expect(await s.flush()).toBe(true);
    expect(s.health()).toEqual({ up: true, written: 5, droppedCache: 0, writeFailures: 0, buffered: 0, inFlight: 0 });
  });

  it('tells health listeners on flush until they unsubscribe', async () => {
    const s = new InMemoryStateStore();
    const seen: number[] = [];
    const off = s.onHealth((h) => seen.push(h.written));
    s.put('k', 1, 'cache');
    await s.flush();
    off();
    s.put('k', 2, 'cache');
    await s.flush();
    expect(seen).toEqual([1]);
    await s.close();
  });
});
