import { describe, expect, it } from 'vitest';
import type { Bar, Paise } from '../../src/core/index.js';
import { StateError } from '../../src/state/errors.js';
import { isWindowBytes, windowFromBytes } from '../../src/state/window-bytes.js';
import { WindowStore } from '../../src/state/window-store.js';
import { bar } from '../support/builders.js';

/** A window of `n` bars of `symbol` (capacity 50), prices and volumes varying per bar, some with fractional paise. */
const filled = (n: number, symbol = 'INFY'): WindowStore => {
  const w = new WindowStore(50);
  for (let i = 0; i < n; i++) {
    const m = 555 + i;
    const b = bar({ start: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`, o: 100 + i, h: 101 + i, l: 99 + i, c: 100.5 + i, v: 1000 + 7 * i, symbol });
    w.push({ ...b, close: (b.close + 0.25) as Paise } satisfies Bar);
  }
  return w;
};

describe('window bytes', () => {
  it('reads back the same snapshot as the JSON form when the window has wrapped', () => {
    const w = filled(73);
    const bytes = w.snapshotView(0).toStateBytes();
    expect(bytes).toBeDefined();
    expect(isWindowBytes(bytes as Uint8Array)).toBe(true);
    expect(windowFromBytes(bytes as Uint8Array), 'the newest 50 of 73 bars, exactly').toEqual(w.snapshot(0));
  });

  it('keeps a non-ASCII symbol and the session context', () => {
    const w = filled(3, 'M&M₹');
    const snap = windowFromBytes(w.snapshotView(0).toStateBytes() as Uint8Array);
    expect(snap).toMatchObject({ symbol: 'M&M₹', day: w.snapshot(0)?.day, barOfDay: 2, barMs: 60_000 });
    expect(snap.e).toHaveLength(3);
  });

  it('gives no bytes when the window is empty', () => {
    expect(new WindowStore(5).snapshotView(3).toStateBytes()).toBeUndefined();
  });

  it.each([
    ['truncated', (b: Uint8Array) => b.subarray(0, b.length - 8)],
    ['a bad magic', (b: Uint8Array) => Uint8Array.from(b, (x, i) => (i === 0 ? 0x7b : x))],
    ['a non-finite price', (b: Uint8Array) => { const c = Uint8Array.from(b); new DataView(c.buffer).setFloat64(c.length - 8, Number.NaN, true); return c; }],
  ])('refuses bytes with %s with a StateError', (_why, corrupt) => {
    const good = filled(4).snapshotView(0).toStateBytes() as Uint8Array;
    expect(() => windowFromBytes(corrupt(good))).toThrow(StateError);
  });

});
