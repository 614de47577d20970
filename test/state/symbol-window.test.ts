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

describe('SymbolWindow.packInto', () => {
  it('copies the newest bars oldest first, column by column, when the ring has wrapped', () => {
    const w = new SymbolWindow(3);
    const bars = Array.from({ length: 5 }, (_, i) => bar({ start: `10:0${i}`, o: 10 + i, h: 12 + i, l: 8 + i, c: 11 + i, v: 100 * (i + 1) }));
    for (const b of bars) w.push(b);
    const out = new Float64Array(12);
    w.packInto(out, 2);
    const [b4, b5] = [bars[3], bars[4]];
    expect([...out], 'bars 4 and 5: endMs, open, high, low, close, volume').toEqual([b4?.endMs, b5?.endMs, b4?.open, b5?.open, b4?.high, b5?.high, b4?.low, b5?.low, b4?.close, b5?.close, 400, 500]);
    expect(() => w.packInto(new Float64Array(60), 4), 'more bars than the window holds').toThrow(RangeError);
  });

  it('packs a window whose newest bars straddle the end of the ring (two runs per column)', () => {
    const w = new SymbolWindow(4);
    const bars = Array.from({ length: 6 }, (_, i) => bar({ start: `10:0${i}`, o: 10 + i, h: 12 + i, l: 8 + i, c: 11 + i, v: 100 * (i + 1) }));
    for (const b of bars) w.push(b);
    for (const n of [1, 2, 3, 4]) {
      const out = new Float64Array(6 * n);
      w.packInto(out, n);
      const newest = bars.slice(-n);
      const want = [newest.map((b) => b.endMs), newest.map((b) => b.open), newest.map((b) => b.high), newest.map((b) => b.low), newest.map((b) => b.close), newest.map((b) => b.volume)].flat();
      expect([...out], `newest ${n} of 6 bars in a ring of 4`).toEqual(want);
    }
  });
});
