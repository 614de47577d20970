import type { ChartPayload } from './chart-series.js';
import { escapeHtml } from './escape.js';
import { formatCount, formatMinutes } from './format.js';

const panel = (title: string, body: string, wide = false): string =>
  `<section class="panel${wide ? ' wide' : ''}"><h2>${escapeHtml(title)}</h2>${body}</section>`;

const legend = (p: ChartPayload): string =>
  `<div class="legend">${p.scanners.map((s) => `<span><i style="background:${escapeHtml(s.color)}"></i>${escapeHtml(s.id)}</span>`).join('')}</div>`;

const candlePanel = (p: ChartPayload): string => {
  const k = p.candles;
  if (k === undefined || k.candles.length === 0) return panel('Price chart', '<p class="note">No bars in the run\'s range for a price chart.</p>', true);
  const sampled = k.minutes > 1 ? ` (aggregated from ${formatCount(k.sourceBars)} one-minute bars)` : '';
  const body = `<div id="chart-candles" class="chart tall"></div>
<p class="note">${formatCount(k.candles.length)} ${escapeHtml(formatMinutes(k.minutes))} candles${escapeHtml(sampled)}, IST. Arrows mark entries (up: BUY, down: SELL); circles mark exits${k.labelled ? ', labelled with the exit reason' : ''} (blue: profit, grey: loss).</p>`;
  return panel(`${k.symbol}: price with entries and exits`, body, true);
};

/** The four chart panels; the inline script draws into their containers. */
export const chartsSection = (p: ChartPayload): string => [
  panel('Equity (realised, ₹) and drawdown from peak (%)', '<div id="chart-equity" class="chart tall"></div>', true),
  panel('Daily net P&L (₹)', '<div id="chart-daily" class="chart"></div>'),
  panel('Cumulative net P&L per scanner (₹)', `<div id="chart-scanners" class="chart"></div>${legend(p)}`),
  candlePanel(p),
].join('\n');
