import type { Bar } from './bar.js';

/** Read-only view of a symbol's recent bars; index 0 is the newest, `length - 1` the oldest kept. */
export interface BarWindow {
  readonly length: number;
  readonly capacity: number;
  open(ago: number): number;
  high(ago: number): number;
  low(ago: number): number;
  close(ago: number): number;
  volume(ago: number): number;
  endMs(ago: number): number;
}

/** What scanners receive per bar: the bar, its symbol's window (already including it) and session context. */
export interface WindowUpdate {
  readonly bar: Bar;
  readonly window: BarWindow;
  /** IST day number of the bar (see ist-session). */
  readonly day: number;
  /** 0 for the symbol's first bar of the IST day, then 1, 2, … */
  readonly barOfDay: number;
  /** Minutes since IST midnight of the bar's start (09:15 = 555). */
  readonly minuteOfDay: number;
}
