import type { Bar, Paise } from '../../src/core/index.js';
import { WindowStore } from '../../src/state/window-store.js';
import { bar } from './builders.js';

/** A window of `n` bars of `symbol` (capacity 50), prices and volumes varying per bar, some with fractional paise. */
export const filledWindows = (n: number, symbol = 'INFY'): WindowStore => {
  const w = new WindowStore(50);
  for (let i = 0; i < n; i++) {
    const m = 555 + i;
    const b = bar({ start: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`, o: 100 + i, h: 101 + i, l: 99 + i, c: 100.5 + i, v: 1000 + 7 * i, symbol });
    w.push({ ...b, close: (b.close + 0.25) as Paise } satisfies Bar);
  }
  return w;
};
