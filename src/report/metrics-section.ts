import type { ReportData } from './report-data.js';
import { escapeHtml } from './escape.js';
import { formatCount, formatFraction, formatIst, formatRupees, signClass } from './format.js';
import { keyValueTable } from './html-table.js';

interface TradeTotals { readonly net: number; readonly gross: number; readonly charges: number; readonly wins: number; readonly best: number; readonly worst: number }

const totalsOf = (d: ReportData): TradeTotals => d.trades.reduce((s, t) => ({
  net: s.net + t.netPnlPaise, gross: s.gross + t.grossPnlPaise, charges: s.charges + t.chargesPaise, wins: s.wins + (t.netPnlPaise > 0 ? 1 : 0),
  best: Math.max(s.best, t.netPnlPaise), worst: Math.min(s.worst, t.netPnlPaise),
}), { net: 0, gross: 0, charges: 0, wins: 0, best: 0, worst: 0 });

const card = (label: string, value: string, cls = ''): string =>
  `<div class="card"><div class="label">${escapeHtml(label)}</div><div class="value ${cls}">${escapeHtml(value)}</div></div>`;

/** Headline figures as cards. */
export const kpiCards = (d: ReportData): string => {
  const t = totalsOf(d);
  const n = d.trades.length;
  return `<div class="cards">${[
    card('Net P&L ₹', formatRupees(t.net), signClass(t.net)),
    card('Total return', formatFraction(d.run.totalReturn), signClass(d.run.totalReturn)),
    card('Max drawdown', formatFraction(d.run.maxDrawdown)),
    card('Sharpe', d.run.sharpeRatio.toFixed(2)),
    card('Trades', formatCount(n)),
    card('Win rate', n === 0 ? '-' : formatFraction(t.wins / n, 1)),
    card('Charges ₹', formatRupees(t.charges)),
  ].join('')}</div>`;
};

/** The backtest_runs row, trade totals, and the config snapshot. */
export const metricsSection = (d: ReportData): string => {
  const r = d.run;
  const t = totalsOf(d);
  const n = d.trades.length;
  const table = keyValueTable([
    ['Run id', r.runId], ['Algorithm', r.algorithmName], ['Scanners', r.scannersUsed.join(', ')],
    ['Dates (IST)', `${r.fromDate} to ${r.toDate}`], ['Last bar end (IST)', formatIst(r.endMs)], ['Symbols tested', formatCount(r.symbolsTested)],
    ['Total return', formatFraction(r.totalReturn)], ['Max drawdown', formatFraction(r.maxDrawdown)], ['Sharpe ratio', r.sharpeRatio.toFixed(4)],
    ['Signals', formatCount(r.totalSignals)], ['Profitable trades', formatCount(r.profitableSignals)], ['Trades', formatCount(n)],
    ['Gross P&L ₹', formatRupees(t.gross)], ['Charges ₹', formatRupees(t.charges)], ['Net P&L ₹', formatRupees(t.net)],
    ['Average trade ₹', n === 0 ? '-' : formatRupees(Math.round(t.net / n))], ['Best / worst trade ₹', `${formatRupees(t.best)} / ${formatRupees(t.worst)}`],
    ['Execution time', `${r.executionTimeSeconds} s`],
  ]);
  return `<section class="panel"><h2>Run metrics</h2>${table}
<details><summary>Config snapshot</summary><pre class="config">${escapeHtml(prettyJson(r.configSnapshot))}</pre></details></section>`;
};

const prettyJson = (text: string): string => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};
