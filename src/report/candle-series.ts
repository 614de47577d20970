import type { SeriesMarkerBarPosition, SeriesMarkerShape } from 'lightweight-charts';
import type { ReportCandles, ReportTradeRow } from './report-data.js';
import { chartTime, rupees } from './chart-time.js';
import { type Candle, downsampleCandles } from './downsample.js';

export interface TradeMarker {
  readonly time: number;
  readonly position: SeriesMarkerBarPosition;
  readonly shape: SeriesMarkerShape;
  readonly color: string;
  readonly text: string;
}

/** Above this many trades on the chart, markers are drawn without labels so that they stay readable. */
export const MAX_LABELLED_TRADES = 100;

export interface CandleChart {
  readonly symbol: string;
  /** Minutes per candle as drawn. */
  readonly minutes: number;
  readonly sourceBars: number;
  readonly candles: readonly Candle[];
  readonly markers: readonly TradeMarker[];
  /** Whether markers carry text (side, exit reason). */
  readonly labelled: boolean;
}

/** The symbol's candles (in rupees, IST chart time) with an entry and an exit marker per trade of that symbol within the candles' range. */
export const candleChart = (b: ReportCandles, trades: readonly ReportTradeRow[], maxCandles: number): CandleChart => {
  const all = b.bars.map((x) => ({ time: chartTime(x.startMs), open: rupees(x.openPaise), high: rupees(x.highPaise), low: rupees(x.lowPaise), close: rupees(x.closePaise) }));
  const candles = downsampleCandles(all, maxCandles);
  const merged = all.length === 0 ? 1 : Math.ceil(all.length / Math.max(1, candles.length));
  const times = candles.map((c) => c.time);
  const from = times[0] ?? 0;
  const until = (times[times.length - 1] ?? 0) + b.bucketMinutes * merged * 60;
  const inRange = (ms: number): boolean => chartTime(ms) >= from && chartTime(ms) < until;
  const shown = trades.filter((t) => t.symbol === b.symbol && inRange(t.entryMs) && inRange(t.exitMs));
  const labelled = shown.length <= MAX_LABELLED_TRADES;
  const markers = shown.flatMap((t) => {
    const long = t.side === 'BUY';
    const entry: TradeMarker = { time: snap(times, chartTime(t.entryMs)), position: long ? 'belowBar' : 'aboveBar', shape: long ? 'arrowUp' : 'arrowDown', color: long ? '#16a34a' : '#dc2626', text: labelled ? t.side : '' };
    const exit: TradeMarker = { time: snap(times, chartTime(t.exitMs)), position: long ? 'aboveBar' : 'belowBar', shape: 'circle', color: t.netPnlPaise >= 0 ? '#1f6feb' : '#6b7280', text: labelled ? t.exitReason : '' };
    return [entry, exit];
  });
  return { symbol: b.symbol, minutes: b.bucketMinutes * merged, sourceBars: b.sourceBars, candles, markers: markers.sort((x, y) => x.time - y.time), labelled };
};

/** The time of the last candle starting at or before `t` (the first candle when `t` is earlier than all). */
export const snap = (times: readonly number[], t: number): number => {
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((times[mid] ?? Infinity) <= t) lo = mid;
    else hi = mid - 1;
  }
  return times[lo] ?? t;
};
