import { describe, expect, it } from 'vitest';
import { SymbolWindow } from '../../src/state/symbol-window.js';
import { bar } from '../support/builders.js';

describe('SymbolWindow', () => {
  it('keeps only the last `capacity` bars, newest at index 0', () => {
    const w = new SymbolWindow(3);
    for (let i = 0; i < 5; i++) w.push(bar({ start: `10:0${i}`, o: 100 + i, h: 101 + i, l: 99 + i, c: 100 + i, v: i }));
    expect(w.length).toBe(3);
    expect([w.close(0), w.close(1), w.close(2)]).toEqual([10400, 10300, 10200]);
    expect(w.volume(0)).toBe(4);
    expect(() => w.close(3)).toThrow(RangeError);
  });

  it('refuses a non-positive capacity', () => {
    expect(() => new SymbolWindow(0)).toThrow(RangeError);
  });
});
