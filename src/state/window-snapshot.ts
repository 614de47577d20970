import type { Bar, BarWindow, EpochMs, Paise } from '../core/index.js';
import { StateError } from './errors.js';

/**
 * A symbol's window, compact and columnar, oldest bar first: `e` holds `endMs` deltas from `e0` (the previous
 * bar's, the first one's from `e0` itself, so `e[0]` is 0), `c` close deltas likewise from `c0`; `o`, `h`, `l`
 * are offsets from the bar's own close; `vol` volumes. The bases live apart so the arrays stay small integers
 * (JSON.stringify is several times faster on them). The size is bounded by the window's capacity, whatever the
 * length of the day.
 */
export interface WindowSnapshot {
  readonly v: 1;
  readonly symbol: string;
  /** IST day number and 0-based bar-of-day of the newest bar (WindowStore session context). */
  readonly day: number;
  readonly barOfDay: number;
  /** Bar duration: `startMs = endMs - barMs` on restore. */
  readonly barMs: number;
  readonly e0: number;
  readonly c0: number;
  readonly e: readonly number[];
  readonly o: readonly number[];
  readonly h: readonly number[];
  readonly l: readonly number[];
  readonly c: readonly number[];
  readonly vol: readonly number[];
}

export interface WindowSnapshotMeta {
  readonly symbol: string;
  readonly day: number;
  readonly barOfDay: number;
  readonly barMs: number;
  /** Keep at most this many of the newest bars (default: all the window holds). */
  readonly maxBars?: number;
}

/** Serialises the newest `maxBars` bars of a window (pure; O(bars)). */
export const encodeWindow = (w: BarWindow, meta: WindowSnapshotMeta): WindowSnapshot => {
  const n = Math.min(w.length, meta.maxBars ?? w.length);
  // packed arrays (push, not new Array(n)): JSON.stringify is several times faster on them
  const e: number[] = [], o: number[] = [], h: number[] = [], l: number[] = [], c: number[] = [], vol: number[] = [];
  const e0 = n > 0 ? w.endMs(n - 1) : 0, c0 = n > 0 ? w.close(n - 1) : 0;
  let prevE = e0, prevC = c0;
  for (let ago = n - 1; ago >= 0; ago--) {
    const end = w.endMs(ago), close = w.close(ago);
    e.push(end - prevE);
    c.push(close - prevC);
    o.push(w.open(ago) - close);
    h.push(w.high(ago) - close);
    l.push(w.low(ago) - close);
    vol.push(w.volume(ago));
    prevE = end;
    prevC = close;
  }
  return { v: 1, symbol: meta.symbol, day: meta.day, barOfDay: meta.barOfDay, barMs: meta.barMs, e0, c0, e, o, h, l, c, vol };
};

const invalid = (why: string): never => {
  throw new StateError('STATE_SNAPSHOT_INVALID', `invalid window snapshot: ${why}`);
};
const numbers = (x: unknown, n: number, name: string): readonly number[] => {
  if (!Array.isArray(x) || x.length !== n || !x.every((v) => typeof v === 'number' && Number.isFinite(v))) invalid(`${name} is not ${n} finite numbers`);
  return x as number[];
};
const finite = (x: unknown, name: string): number => (typeof x === 'number' && Number.isFinite(x) ? x : invalid(`${name} is not a number`));
const int = (x: unknown, name: string): number => (Number.isSafeInteger(x) ? (x as number) : invalid(`${name} is not an integer`));

/** Checks a value read back from a store (`unknown`) and returns it typed; throws StateError otherwise. */
export const parseWindowSnapshot = (x: unknown): WindowSnapshot => {
  if (typeof x !== 'object' || x === null) return invalid('not an object');
  const s = x as Record<string, unknown>;
  if (s.v !== 1) invalid(`unknown version ${String(s.v)}`);
  if (typeof s.symbol !== 'string' || s.symbol.length === 0) invalid('no symbol');
  const e = s.e;
  const n = Array.isArray(e) ? e.length : invalid('no e');
  return {
    v: 1, symbol: s.symbol as string, day: int(s.day, 'day'), barOfDay: int(s.barOfDay, 'barOfDay'), barMs: int(s.barMs, 'barMs'),
    e0: finite(s.e0, 'e0'), c0: finite(s.c0, 'c0'),
    e: numbers(e, n, 'e'), o: numbers(s.o, n, 'o'), h: numbers(s.h, n, 'h'), l: numbers(s.l, n, 'l'), c: numbers(s.c, n, 'c'), vol: numbers(s.vol, n, 'vol'),
  };
};

/** The snapshot's bars, oldest first, as bars of `symbolId` (the id may differ from the run that wrote it). */
export const decodeWindowBars = (s: WindowSnapshot, symbolId: number): Bar[] => {
  const bars: Bar[] = [];
  let end = s.e0, close = s.c0;
  for (let i = 0; i < s.e.length; i++) {
    end += s.e[i] ?? 0;
    close += s.c[i] ?? 0;
    bars.push({
      symbol: s.symbol, symbolId, startMs: (end - s.barMs) as EpochMs, endMs: end as EpochMs, receivedMs: end as EpochMs,
      open: (close + (s.o[i] ?? 0)) as Paise, high: (close + (s.h[i] ?? 0)) as Paise, low: (close + (s.l[i] ?? 0)) as Paise, close: close as Paise,
      volume: s.vol[i] ?? 0,
    });
  }
  return bars;
};
