import { describe, expect, it } from 'vitest';
import { type EpochMs, ReplayClock } from '../../../src/core/index.js';

const t = (n: number) => n as EpochMs;

describe('ReplayClock', () => {
  it('fires alerts due before the new time in (time, insertion) order', () => {
    const c = new ReplayClock(0);
    const fired: string[] = [];
    c.at(t(20), 'b', () => fired.push('b'));
    c.at(t(10), 'a', () => fired.push('a'));
    c.at(t(20), 'c', () => fired.push('c'));
    c.advanceTo(25);
    expect(fired).toEqual(['a', 'b', 'c']);
  });

  it('holds an alert due exactly at t until the next advance', () => {
    const c = new ReplayClock(0);
    const fired: number[] = [];
    c.at(t(10), 'x', (at) => fired.push(at));
    c.advanceTo(10);
    expect(fired, 'bars at t settle first').toEqual([]);
    c.advanceTo(11);
    expect(fired).toEqual([10]);
  });

  it('reports the alert time as now while the alert runs', () => {
    const c = new ReplayClock(0);
    let seen = -1;
    c.at(t(7), 'x', () => (seen = c.now()));
    c.advanceTo(50);
    expect(seen).toBe(7);
    expect(c.now()).toBe(50);
  });

  it('throws InvariantError when moved backwards', () => {
    const c = new ReplayClock(100);
    expect(() => c.advanceTo(99)).toThrow(expect.objectContaining({ code: 'INVARIANT_VIOLATED' }));
  });

  it('does not fire a cancelled alert, and flush fires alerts due at t', () => {
    const c = new ReplayClock(0);
    const fired: string[] = [];
    const cancel = c.at(t(5), 'gone', () => fired.push('gone'));
    c.at(t(9), 'kept', () => fired.push('kept'));
    cancel();
    c.flush(9);
    expect(fired).toEqual(['kept']);
  });
});
