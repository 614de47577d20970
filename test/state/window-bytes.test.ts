import { describe, expect, it } from 'vitest';
import { StateError } from '../../src/state/errors.js';
import { isWindowBytes, windowFromBytes } from '../../src/state/window-bytes.js';
import { WindowStore } from '../../src/state/window-store.js';
import { filledWindows } from '../support/filled-windows.js';

describe('window bytes', () => {
  it('reads back the same snapshot as the JSON form when the window has wrapped', () => {
    const w = filledWindows(73);
    const bytes = w.snapshotView(0).toStateBytes();
    expect(bytes).toBeDefined();
    expect(isWindowBytes(bytes as Uint8Array)).toBe(true);
    expect(windowFromBytes(bytes as Uint8Array), 'the newest 50 of 73 bars, exactly').toEqual(w.snapshot(0));
  });

  it('keeps a non-ASCII symbol and the session context', () => {
    const w = filledWindows(3, 'M&M₹');
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
    const good = filledWindows(4).snapshotView(0).toStateBytes() as Uint8Array;
    expect(() => windowFromBytes(corrupt(good))).toThrow(StateError);
  });

});
