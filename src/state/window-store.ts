import { type Bar, type WindowUpdate, istDay, istMinuteOfDay } from '../core/index.js';
import { SymbolWindow } from './symbol-window.js';
import { windowToBytes } from './window-bytes.js';
import { type WindowSnapshot, type WindowSnapshotMeta, decodeWindowBars, encodeWindow } from './window-snapshot.js';

/** A value for `StateStore.put` that encodes the symbol's window when the store serialises it (once per batch). */
export interface WindowSnapshotView {
  toJSON(): WindowSnapshot | undefined;
  /** The binary form a store that keeps bytes writes instead (window-bytes.ts; read back as the same snapshot). */
  toStateBytes(): Uint8Array | undefined;
}

/** Per-symbol windows, created on a symbol's first bar; tracks each symbol's bar count within the IST day. */
export class WindowStore {
  readonly #windows: (SymbolWindow | undefined)[] = [];
  readonly #day: number[] = [];
  readonly #barOfDay: number[] = [];
  readonly #symbol: string[] = [];
  readonly #barMs: number[] = [];
  readonly #views: (WindowSnapshotView | undefined)[] = [];

  constructor(readonly capacity: number) {}

  /** Adds the bar to its symbol's window and returns the update scanners see. */
  push(bar: Bar): WindowUpdate {
    const id = bar.symbolId;
    let w = this.#windows[id];
    if (w === undefined) w = this.#create(id, bar);
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

  /** The symbol's window and session context now, or undefined before its first bar. */
  snapshot(symbolId: number, maxBars?: number): WindowSnapshot | undefined {
    const w = this.#windows[symbolId];
    if (w === undefined || w.length === 0) return undefined;
    return encodeWindow(w, this.#meta(symbolId, maxBars));
  }

  /** A live, allocation-free view for the hot path: `store.put(key, windows.snapshotView(id), 'cache')`. */
  snapshotView(symbolId: number): WindowSnapshotView {
    let v = this.#views[symbolId];
    if (v === undefined) {
      v = { toJSON: () => this.snapshot(symbolId), toStateBytes: () => this.#bytes(symbolId) };
      this.#views[symbolId] = v;
    }
    return v;
  }

  /**
   * Replaces the symbol's window with a snapshot's bars (the newest `capacity` of them) and session context, so
   * the next bar continues the day's bar count. Call it before the symbol's first bar of the session.
   */
  restore(symbolId: number, snap: WindowSnapshot): void {
    const bars = decodeWindowBars(snap, symbolId);
    const first = bars[0];
    this.#windows[symbolId] = undefined;
    if (first === undefined) return;
    const w = this.#create(symbolId, first);
    for (const b of bars.slice(-this.capacity)) w.push(b);
    this.#day[symbolId] = snap.day;
    this.#barOfDay[symbolId] = snap.barOfDay;
  }

  #bytes(symbolId: number): Uint8Array | undefined {
    const w = this.#windows[symbolId];
    if (w === undefined) return undefined;
    return windowToBytes(w, this.#meta(symbolId));
  }

  /** The symbol's session context, as both snapshot forms carry it. */
  #meta(symbolId: number, maxBars?: number): WindowSnapshotMeta {
    return {
      symbol: this.#symbol[symbolId] ?? '', day: this.#day[symbolId] ?? -1, barOfDay: this.#barOfDay[symbolId] ?? 0,
      barMs: this.#barMs[symbolId] ?? 60_000, ...(maxBars === undefined ? {} : { maxBars }),
    };
  }

  #create(id: number, bar: Bar): SymbolWindow {
    const w = new SymbolWindow(this.capacity);
    this.#windows[id] = w;
    this.#day[id] = -1;
    this.#symbol[id] = bar.symbol;
    this.#barMs[id] = bar.endMs - bar.startMs;
    return w;
  }
}
