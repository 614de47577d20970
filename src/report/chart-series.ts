import type { ReportData } from './report-data.js';
import { chartTime, rupees } from './chart-time.js';
import { type Point, downsampleLine, lastPerTime } from './downsample.js';
import { type CandleChart, candleChart } from './candle-series.js';

export interface ChartLimits {
  /** Points per line chart, shared by its series (equity and drawdown; the scanners); longer series are downsampled. */
  readonly linePoints: number;
  /** Candles of the symbol chart. */
  readonly candles: number;
}

export const DEFAULT_LIMITS: ChartLimits = { linePoints: 4000, candles: 5000 };

export interface ChartPayload {
  /** Realised equity in rupees after every exit. */
  readonly equity: readonly Point[];
  /** Percent below the running peak of equity (0 or negative). */
  readonly drawdown: readonly Point[];
  readonly dailyPnl: readonly { readonly time: string; readonly value: number; readonly color: string }[];
  readonly scanners: readonly { readonly id: string; readonly color: string; readonly points: readonly Point[] }[];
  readonly candles: CandleChart | undefined;
}

const PALETTE = ['#1f6feb', '#d97706', '#16a34a', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#4b5563', '#65a30d', '#9333ea'];

/** Everything the charts draw, as plain JSON-ready data with strictly increasing times. */
export const chartPayload = (d: ReportData, limits: ChartLimits = DEFAULT_LIMITS): ChartPayload => {
  const byExit = [...d.trades].sort((a, b) => a.exitMs - b.exitMs || a.tradeNo - b.tradeNo);
  const first = d.daily[0];
  const initial = first === undefined ? 0 : first.equityPaise - first.netPnlPaise;
  const equity = cumulative(d.run.startMs, d.run.endMs, initial, byExit);
  let peak = -Infinity;
  const drawdown = equity.map((p) => {
    peak = Math.max(peak, p.value);
    return { time: p.time, value: peak > 0 ? Math.round((p.value / peak - 1) * 1e6) / 1e4 : 0 };
  });
  const ids = scannerIds(d);
  const perScanner = Math.max(50, Math.floor(limits.linePoints / Math.max(1, ids.length)));
  return {
    equity: downsampleLine(equity, Math.floor(limits.linePoints / 2)),
    drawdown: downsampleLine(drawdown, Math.floor(limits.linePoints / 2)),
    dailyPnl: d.daily.map((x) => ({ time: x.date, value: rupees(x.netPnlPaise), color: x.netPnlPaise >= 0 ? '#16a34a' : '#dc2626' })),
    scanners: ids.map((id, i) => ({
      id, color: PALETTE[i % PALETTE.length] ?? '#000',
      points: downsampleLine(cumulative(d.run.startMs, d.run.endMs, 0, byExit.filter((t) => t.scanner === id)), perScanner),
    })),
    candles: d.bars === undefined ? undefined : candleChart(d.bars, d.trades, limits.candles),
  };
};

/** Running total in rupees: a start point, one point per exit (the last of equal times), and an end point. */
const cumulative = (startMs: number, endMs: number, startPaise: number, byExit: readonly { readonly exitMs: number; readonly netPnlPaise: number }[]): Point[] => {
  let total = startPaise;
  const points: Point[] = [{ time: chartTime(startMs), value: rupees(total) }];
  for (const t of byExit) {
    total += t.netPnlPaise;
    points.push({ time: Math.max(chartTime(t.exitMs), chartTime(startMs)), value: rupees(total) });
  }
  const last = points[points.length - 1];
  if (last !== undefined && chartTime(endMs) > last.time) points.push({ time: chartTime(endMs), value: last.value });
  return lastPerTime(points);
};

const scannerIds = (d: ReportData): string[] =>
  [...new Set([...d.run.scannersUsed, ...d.scanners.map((s) => s.scanner), ...d.trades.map((t) => t.scanner)])].sort();
