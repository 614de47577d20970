import { describe, expect, it } from 'vitest';
import type { Bar, EpochMs, Paise } from '../../src/core/index.js';
import { StateError, WindowStore, decodeWindowBars, parseWindowSnapshot } from '../../src/state/index.js';
import { bar } from '../support/builders.js';

const day = (symbol: string, symbolId: number, n: number, date = '2025-01-06'): Bar[] =>
  Array.from({ length: n }, (_, i) => {
    const m = 15 + i;
    const b = bar({ start: `${String(9 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`, o: 100 + i, h: 101 + i, l: 99 + i, c: 100.5 + i, v: 1000 + i, symbol, symbolId, date });
    return b;
  });

describe('window snapshots', () => {
  it('round-trips a window through JSON into a new store under another symbol id', () => {
    const a = new WindowStore(5);
    const bars = day('INFY', 3, 8);
    for (const b of bars) a.push(b);
    const json = JSON.stringify(a.snapshotView(3));
    const snap = parseWindowSnapshot(JSON.parse(json));
    expect(snap.e).toHaveLength(5);
    const b2 = new WindowStore(5);
    b2.restore(0, snap);
    const w = b2.window(0)!;
    const orig = a.window(3)!;
    for (let ago = 0; ago < 5; ago++) {
      expect([w.open(ago), w.high(ago), w.low(ago), w.close(ago), w.volume(ago), w.endMs(ago)])
        .toEqual([orig.open(ago), orig.high(ago), orig.low(ago), orig.close(ago), orig.volume(ago), orig.endMs(ago)]);
    }
    expect(decodeWindowBars(snap, 0).at(-1)).toEqual({ ...bars.at(-1), symbolId: 0 });
  });

  it('continues the bar-of-day count after a restore', () => {
    const a = new WindowStore(3);
    const bars = day('TCS', 0, 10);
    for (const b of bars.slice(0, 9)) a.push(b);
    const b2 = new WindowStore(3);
    b2.restore(0, a.snapshot(0)!);
    expect(b2.push(bars[9]!).barOfDay).toBe(a.push(bars[9]!).barOfDay);
  });

  it('keeps a snapshot bounded by the capacity however long the day', () => {
    const ws = new WindowStore(120);
    for (const b of day('X', 0, 375)) ws.push(b);
    const snap = ws.snapshot(0)!;
    expect(snap.c).toHaveLength(120);
    expect(JSON.stringify(snap).length).toBeLessThan(6000);
    expect(ws.snapshot(0, 20)!.c).toHaveLength(20);
  });

  it('restores only the newest `capacity` bars into a smaller window', () => {
    const a = new WindowStore(10);
    for (const b of day('X', 0, 10)) a.push(b);
    const small = new WindowStore(4);
    small.restore(0, a.snapshot(0)!);
    expect(small.window(0)!.length).toBe(4);
    expect(small.window(0)!.close(0)).toBe(a.window(0)!.close(0));
  });

  it('refuses a snapshot that is not one', () => {
    expect(() => parseWindowSnapshot({ v: 2 })).toThrow(StateError);
    expect(() => parseWindowSnapshot(null)).toThrow(StateError);
    const ws = new WindowStore(3);
    for (const b of day('X', 0, 3)) ws.push(b);
    const snap = JSON.parse(JSON.stringify(ws.snapshot(0))) as Record<string, unknown>;
    expect(() => parseWindowSnapshot({ ...snap, o: [1] })).toThrow(/o is not 3/);
    expect(() => parseWindowSnapshot({ ...snap, c: [1, 2, 'x'] })).toThrow(StateError);
  });

  it('gives no snapshot for a symbol without bars', () => {
    const ws = new WindowStore(3);
    expect(ws.snapshot(7)).toBeUndefined();
    ws.push({ symbol: 'Y', symbolId: 1, startMs: 0 as EpochMs, endMs: 60_000 as EpochMs, receivedMs: 60_000 as EpochMs, open: 1 as Paise, high: 1 as Paise, low: 1 as Paise, close: 1 as Paise, volume: 0 });
    expect(ws.snapshot(1)!.barMs).toBe(60_000);
  });
});
