import type { Signal, WindowUpdate } from '../../src/core/index.js';
import type { ScannerInstance } from '../../src/scanners/index.js';
import { WindowStore } from '../../src/state/index.js';
import { bar } from './builders.js';

export interface Row {
  readonly o: number;
  readonly h: number;
  readonly l: number;
  readonly c: number;
  readonly v?: number;
}

/** A row from a close only: open at the previous close, high/low around both. Rupees. */
export const closes = (cs: readonly number[], v = 1000): Row[] =>
  cs.map((c, i) => {
    const o = i === 0 ? c : (cs[i - 1] ?? c);
    return { o, h: Math.max(o, c) + 0.1, l: Math.min(o, c) - 0.1, c, v };
  });

const hhmm = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * Window updates of one symbol, one-minute bars from 09:15 IST of each given date (rows split across days).
 * Lazy: each bar enters the (shared, real) window only when the update is consumed, as in the graph.
 */
export function* updates(days: readonly (readonly Row[])[], dates: readonly string[] = ['2025-01-06', '2025-01-07', '2025-01-08']): Generator<WindowUpdate> {
  const store = new WindowStore(300);
  for (const [d, rows] of days.entries()) {
    for (const [i, r] of rows.entries()) {
      yield store.push(bar({ start: hhmm(555 + i), o: r.o, h: r.h, l: r.l, c: r.c, v: r.v ?? 1000, date: dates[d] ?? '2025-01-06' }));
    }
  }
}

/** Runs the scanner over the updates; returns [index of the update, signal] for each signal. */
export const run = (s: ScannerInstance, us: Iterable<WindowUpdate>): [number, Signal][] => {
  const out: [number, Signal][] = [];
  let i = 0;
  for (const u of us) {
    const sig = s.next(u);
    if (sig !== undefined) out.push([i, sig]);
    i++;
  }
  return out;
};

export const flat = (n: number, price = 100, v = 1000): Row[] => closes(Array.from({ length: n }, () => price), v);
export const ramp = (n: number, from: number, step: number, v = 1000): Row[] => closes(Array.from({ length: n }, (_, i) => from + i * step), v);
