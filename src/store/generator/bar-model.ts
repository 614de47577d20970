import { SeededRandom, deriveSeed } from '../../core/index.js';

/** Per-symbol state of the synthetic market (prices in rupees as floats; output is rounded to the tick). */
interface SymbolState {
  price: number;
  anchor: number;
  readonly dailyVol: number;
  readonly baseVolume: number;
}

export interface DayColumns {
  readonly rows: number;
  readonly sym: Int32Array;
  readonly minuteIndex: Int32Array;
  readonly open: Int32Array;
  readonly high: Int32Array;
  readonly low: Int32Array;
  readonly close: Int32Array;
  readonly volume: Int32Array;
}

export const BARS_PER_SESSION = 375;
const TICK = 5;

const roundTick = (p: number): number => Math.max(TICK, Math.round(p / TICK) * TICK);
const ceilTick = (p: number): number => Math.max(TICK, Math.ceil(p / TICK) * TICK);
const floorTick = (p: number): number => Math.max(TICK, Math.floor(p / TICK) * TICK);

/** Intraday volatility and volume are U-shaped: busy at the open, quiet at midday, busier into the close. */
const uShape = (m: number, openBoost: number, closeBoost: number): number =>
  1 + openBoost * Math.exp(-m / 25) + closeBoost * Math.exp(-(BARS_PER_SESSION - 1 - m) / 30);

/**
 * Deterministic synthetic NSE one-minute bars. Each symbol-day draws a regime (trend up, trend down,
 * mean-reverting or random walk) so scanners have trends, reversals and spikes to find; days open with a gap.
 */
export class BarModel {
  readonly #rng: SeededRandom;
  readonly #states: SymbolState[];

  constructor(seed: number, symbolCount: number) {
    this.#rng = new SeededRandom(deriveSeed(seed, 'bars'));
    const init = new SeededRandom(deriveSeed(seed, 'universe'));
    this.#states = Array.from({ length: symbolCount }, () => {
      const price = 100 + Math.floor(init.next() * 3900);
      return { price, anchor: price, dailyVol: 0.01 + init.next() * 0.02, baseVolume: 2000 + Math.floor(init.next() * 40000) };
    });
  }

  /** One session of bars, rows ordered by (minute, symbol index). */
  nextDay(): DayColumns {
    const n = this.#states.length;
    const rows = n * BARS_PER_SESSION;
    const cols: DayColumns = {
      rows, sym: new Int32Array(rows), minuteIndex: new Int32Array(rows), open: new Int32Array(rows),
      high: new Int32Array(rows), low: new Int32Array(rows), close: new Int32Array(rows), volume: new Int32Array(rows),
    };
    const regimes = this.#states.map((s) => this.#startDay(s));
    for (let m = 0; m < BARS_PER_SESSION; m++) {
      for (let i = 0; i < n; i++) this.#bar(cols, m * n + i, i, m, regimes[i] ?? 0);
    }
    return cols;
  }

  /** Overnight gap, new anchor, and the day's regime: drift per minute as a multiple of sigma (0 = none). */
  #startDay(s: SymbolState): number {
    s.price = s.price * Math.exp(this.#rng.normal() * s.dailyVol * 0.5);
    s.anchor = s.price;
    const r = this.#rng.next();
    if (r < 0.25) return 0.12;
    if (r < 0.5) return -0.12;
    if (r < 0.8) return Number.NaN; // mean-reverting day
    return 0;
  }

  #bar(c: DayColumns, row: number, i: number, m: number, regime: number): void {
    const s = this.#states[i] as SymbolState;
    const rng = this.#rng;
    const sigma = (s.dailyVol / Math.sqrt(BARS_PER_SESSION)) * uShape(m, 0.8, 0.3) * 0.8;
    const drift = Number.isNaN(regime) ? -0.08 * Math.log(s.price / s.anchor) : regime * sigma;
    const jump = rng.next() < 0.003 ? (rng.next() < 0.5 ? -1 : 1) * sigma * (3 + 3 * rng.next()) : 0;
    const ret = drift + sigma * rng.normal() + jump;
    const openPaise = roundTick(s.price * 100);
    s.price = s.price * Math.exp(ret);
    const closePaise = roundTick(s.price * 100);
    const wick = sigma * 0.6;
    const hi = ceilTick(Math.max(openPaise, closePaise) * (1 + Math.abs(rng.normal()) * wick));
    const lo = floorTick(Math.min(openPaise, closePaise) * (1 - Math.abs(rng.normal()) * wick));
    const surprise = 1 + 2 * Math.min(3, Math.abs(ret) / sigma);
    const vol = s.baseVolume * uShape(m, 2.5, 1.5) * Math.exp(0.4 * rng.normal()) * surprise;
    c.sym[row] = i;
    c.minuteIndex[row] = m;
    c.open[row] = openPaise;
    c.close[row] = closePaise;
    c.high[row] = Math.max(hi, openPaise, closePaise);
    c.low[row] = Math.min(lo, openPaise, closePaise);
    c.volume[row] = Math.max(1, Math.round(vol));
  }
}
