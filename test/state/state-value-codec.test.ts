import { describe, expect, it } from 'vitest';
import { StateError } from '../../src/state/errors.js';
import { decodeStateValue, encodeStateValue } from '../../src/state/state-value-codec.js';
import { filledWindows } from '../support/filled-windows.js';

describe('state value codec', () => {
  it('stores a window as bytes and any other value as JSON text, and reads both back', () => {
    const w = filledWindows(5);
    const enc = encodeStateValue(w.snapshotView(0));
    expect(enc).toBeInstanceOf(Uint8Array);
    expect(decodeStateValue('k', enc as Uint8Array)).toEqual(w.snapshot(0));
    expect(encodeStateValue({ a: 1 })).toBe('{"a":1}');
    expect(decodeStateValue('k', Buffer.from('{"a":1}'))).toEqual({ a: 1 });
    expect(() => decodeStateValue('k', 'not json')).toThrow(StateError);
  });
});
