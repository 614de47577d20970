import { describe, expect, it } from 'vitest';
import { TOMBSTONE, WriteBuffer } from '../../src/state/write-buffer.js';

describe('WriteBuffer', () => {
  it('coalesces repeated puts of one key into the last value', () => {
    const b = new WriteBuffer(100);
    for (let i = 0; i < 10; i++) b.put('k', i, 'cache');
    b.put('d', 'x', 'durable');
    b.put('d', 'y', 'durable');
    expect(b.pending).toBe(2);
    const batch = b.take()!;
    expect([...batch.cache]).toEqual([['k', 9]]);
    expect([...batch.durable]).toEqual([['d', 'y']]);
  });

  it('says whether a put added a waiting entry: not for a re-put, nor for a key moving between classes', () => {
    const b = new WriteBuffer(100);
    expect(b.put('k', 1, 'cache'), 'new key').toBe(true);
    expect(b.put('k', 2, 'cache'), 're-put of a waiting key').toBe(false);
    expect(b.put('k', 3, 'durable'), 'the key moves to the durable map').toBe(false);
    expect(b.pending).toBe(1);
    const batch = b.take()!;
    expect([[...batch.cache], [...batch.durable]]).toEqual([[], [['k', 3]]]);
    expect(b.put('k', 4, 'cache'), 'waiting again once its batch was taken').toBe(true);
  });

  it('drops the oldest cache entries beyond the bound and never a durable one', () => {
    const b = new WriteBuffer(5);
    for (let i = 0; i < 4; i++) b.put(`d${i}`, i, 'durable');
    for (let i = 0; i < 4; i++) b.put(`c${i}`, i, 'cache');
    expect(b.pending).toBe(5);
    expect(b.dropped).toBe(3);
    const batch = b.take()!;
    expect([...batch.cache.keys()]).toEqual(['c3']);
    expect([...batch.durable.keys()]).toEqual(['d0', 'd1', 'd2', 'd3']);
  });

  it('keeps durable entries even when they alone exceed the bound', () => {
    const b = new WriteBuffer(2);
    for (let i = 0; i < 5; i++) b.put(`d${i}`, i, 'durable');
    b.delete('gone');
    expect(b.pending).toBe(6);
    expect(b.dropped).toBe(0);
  });

  it('ages an entry from when it started waiting: a re-put keeps its place and takes the new value', () => {
    const b = new WriteBuffer(2);
    b.put('a', 1, 'cache');
    b.put('b', 1, 'cache');
    b.put('a', 2, 'cache');
    b.put('c', 1, 'cache');
    expect([...b.take()!.cache]).toEqual([['b', 1], ['c', 1]]);
    b.put('a', 3, 'cache'); // written entries start waiting again
    b.put('b', 2, 'cache');
    b.put('d', 1, 'cache');
    expect(b.take()).toBeUndefined(); // one batch in flight at a time
    b.settle(true);
    expect([...b.take()!.cache]).toEqual([['b', 2], ['d', 1]]);
  });

  it('returns a failed batch as the oldest entries, without overwriting newer puts', () => {
    const b = new WriteBuffer(100);
    b.put('a', 1, 'cache');
    b.put('p', 1, 'durable');
    b.take();
    expect(b.take()).toBeUndefined(); // one batch in flight at a time
    b.put('b', 1, 'cache');
    b.put('p', 2, 'durable');
    expect(b.lookup('p', 'none')).toBe(2);
    expect(b.lookup('a', 'none')).toBe(1); // in flight is still readable
    b.settle(false);
    const batch = b.take()!;
    expect([...batch.cache]).toEqual([['a', 1], ['b', 1]]);
    expect([...batch.durable]).toEqual([['p', 2]]);
    expect(b.inFlightSize).toBe(3);
    b.settle(true);
    expect(b.pending + b.inFlightSize).toBe(0);
  });

  it('records a delete as a tombstone that replaces a pending put', () => {
    const b = new WriteBuffer(100);
    b.put('k', 1, 'cache');
    b.delete('k');
    expect(b.lookup('k', 'none')).toBe(TOMBSTONE);
    b.put('k', 2, 'cache');
    const batch = b.take()!;
    expect([...batch.durable]).toEqual([]);
    expect([...batch.cache]).toEqual([['k', 2]]);
  });
});
