import { describe, expect, it } from 'vitest';
import { loadChartLibrary, renderReport } from '../../src/report/index.js';
import { chartJson, reportData, trade } from './report-fixture.js';

const LIB = '/* lib */ window.LightweightCharts = {};';

describe('renderReport', () => {
  it('escapes every text from the database, in HTML and in the chart JSON', () => {
    const evil = '</script><img src=x onerror=alert(1)>';
    const d = reportData();
    const html = renderReport({ ...d, run: { ...d.run, runId: evil, configSnapshot: JSON.stringify({ note: evil }) }, trades: [trade({ scanner: evil, exitReason: evil })], scanners: [{ ...(d.scanners[0] ?? ({} as never)), scanner: evil }] }, { chartLibrary: LIB });
    expect(html).not.toContain('<img');
    expect(html.match(/<\/script>/g)).toHaveLength(5);
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(chartJson(html).scanners.map((s: { id: string }) => s.id)).toContain(evil);
  });

  it('inlines the chart library and the script that draws the charts and sorts tables, and references nothing external', () => {
    const html = renderReport(reportData(), { chartLibrary: LIB });
    expect(html).toContain(LIB);
    expect(html).toContain('LC.createSeriesMarkers(series, k.markers)');
    expect(html).toContain("addEventListener('keydown'");
    expect(html).toContain("querySelectorAll('table.sortable')");
    expect(html).toContain("addEventListener('click'");
    expect(html.match(/<table id="(scanner|trade|quality)-table" class="sortable"/g)).toHaveLength(3);
    expect(html).not.toMatch(/<script[^>]+src=|<link |<img |url\(|@import/i);
    for (const id of ['chart-equity', 'chart-daily', 'chart-scanners', 'chart-candles']) expect(html).toContain(`id="${id}"`);
  });

  it('right-aligns number cells, colours P&L by sign, and lists the itemised charges of each trade', () => {
    const html = renderReport(reportData(), { chartLibrary: LIB });
    expect(html).toContain('<td class="num neg">-40.00</td>');
    expect(html).toContain('<td class="num pos">85.00</td>');
    for (const h of ['brokerage', 'STT', 'exch. txn', 'SEBI', 'stamp', 'GST', 'charges ₹']) expect(html).toContain(`>${h}</th>`);
    expect(html).toContain('<th scope="col" tabindex="0" data-type="num" class="num" title="gross profit / gross loss; - when there were no losses">profit_factor</th>');
  });

  it('shows the trades a page at a time with all rows as JSON for sorting, and caps the list with a note', () => {
    const trades = Array.from({ length: 30 }, (_, i) => trade({ tradeNo: i + 1 }));
    const html = renderReport(reportData({ trades }), { chartLibrary: LIB, tradePageSize: 10 });
    const table = /<table id="trade-table"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table).toContain('data-rows="trade-table-rows" data-page-size="10"');
    expect(table.match(/<tr>/g)).toHaveLength(11);
    expect(html).toContain('<span id="trade-table-page">rows 1–10 of 30</span>');
    const rows = JSON.parse(/<script type="application\/json" id="trade-table-rows">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '[]') as string[][];
    expect(rows).toHaveLength(30);
    expect(rows[29]?.slice(0, 4)).toEqual(['30', 'vwap-cross', 'TCS', 'BUY']);
    const capped = renderReport(reportData({ trades }), { chartLibrary: LIB, maxTradeRows: 20 });
    expect(capped).toContain('Listing the first 20 of 30 trades');
  });

  it('renders a run without trades or bars with notes instead of the missing parts', () => {
    const html = renderReport(reportData({ trades: [], bars: undefined }), { chartLibrary: LIB });
    expect(html).toContain('No trades in this run.');
    expect(html).toContain('No bars in the run');
    expect(html).not.toContain('id="chart-candles"');
  });

  it('is the same text for the same data (no clock, no randomness)', () => {
    expect(renderReport(reportData(), { chartLibrary: LIB })).toBe(renderReport(reportData(), { chartLibrary: LIB }));
  });
});

describe('loadChartLibrary', () => {
  it('reads the standalone build that defines the LightweightCharts global', () => {
    const src = loadChartLibrary();
    expect(src).toContain('Lightweight Charts');
    expect(src).toContain('LightweightCharts');
    expect(src.length).toBeGreaterThan(100_000);
  });
});
