import { type Bar, type WindowUpdate, istDay, istMinuteOfDay } from '../core/index.js';
import { SymbolWindow } from './symbol-window.js';

/** Per-symbol windows, created on a symbol's first bar; tracks each symbol's bar count within the IST day. */
export class WindowStore {
  readonly #windows: (SymbolWindow | undefined)[] = [];
  readonly #day: number[] = [];
  readonly #barOfDay: number[] = [];

  constructor(readonly capacity: number) {}

  /** Adds the bar to its symbol's window and returns the update scanners see. */
  push(bar: Bar): WindowUpdate {
    const id = bar.symbolId;
    let w = this.#windows[id];
    if (w === undefined) {
      w = new SymbolWindow(this.capacity);
      this.#windows[id] = w;
      this.#day[id] = -1;
    }
    w.push(bar);
    const day = istDay(bar.startMs);
    const barOfDay = this.#day[id] === day ? (this.#barOfDay[id] ?? 0) + 1 : 0;
    this.#day[id] = day;
    this.#barOfDay[id] = barOfDay;
    return { bar, window: w, day, barOfDay, minuteOfDay: istMinuteOfDay(bar.startMs) };
  }

  window(symbolId: number): SymbolWindow | undefined {
    return this.#windows[symbolId];
  }

  get symbolCount(): number {
    return this.#windows.filter((w) => w !== undefined).length;
  }
}
