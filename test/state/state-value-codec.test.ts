import { describe, expect, it } from 'vitest';
import type { Bar, Paise } from '../../src/core/index.js';
import { StateError } from '../../src/state/errors.js';
import { decodeStateValue, encodeStateValue } from '../../src/state/state-value-codec.js';
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

describe('state value codec', () => {
  it('stores a window as bytes and any other value as JSON text, and reads both back', () => {
    const w = filled(5);
    const enc = encodeStateValue(w.snapshotView(0));
    expect(enc).toBeInstanceOf(Uint8Array);
    expect(decodeStateValue('k', enc as Uint8Array)).toEqual(w.snapshot(0));
    expect(encodeStateValue({ a: 1 })).toBe('{"a":1}');
    expect(decodeStateValue('k', Buffer.from('{"a":1}'))).toEqual({ a: 1 });
    expect(() => decodeStateValue('k', 'not json')).toThrow(StateError);
  });
});
