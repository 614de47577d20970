import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { useTempDir } from '../support/temp-dir.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
const present = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';

if (!present && !inCi) {
  console.warn(`\n!!!!!!!!!!\n!!! SKIPPED test/e2e/report-browser.test.ts: ${CHROMIUM} is missing. Install it: apt-get install -y chromium\n!!!!!!!!!!\n`);
}

/** Browser-side: per chart container, the most non-background pixels found on any of its canvases. */
const INKED_PIXELS = `Array.from(document.querySelectorAll('[id^="chart-"]')).filter((el) => el.tagName === 'DIV').map((el) => ({
  id: el.id,
  canvases: el.querySelectorAll('canvas').length,
  inked: Math.max(0, ...Array.from(el.querySelectorAll('canvas')).map((c) => {
    if (c.width === 0 || c.height === 0) return 0;
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && (px[i] < 235 || px[i + 1] < 235 || px[i + 2] < 235)) n++;
    return n;
  })),
}))`;

describe('trade-engine report in a browser', () => {
  const tmp = useTempDir();

  it.skipIf(!present && !inCi)('renders every chart from a demo replay offline, with no console errors and no network requests', async () => {
    if (!present) throw new Error(`${CHROMIUM} is missing and CI=true: .ci/run must install chromium (apt-get install -y chromium)`);
    const dir = tmp();
    expect(cli(['data', 'generate', '--db', 'm.duckdb', '--symbols', '6', '--days', '3', '--seed', '5'], dir).code).toBe(0);
    const replay = cli(['replay', '--db', 'm.duckdb', '--json', '--report', 'during.html'], dir);
    expect(replay.code, replay.stderr).toBe(0);
    const runId = (JSON.parse(replay.stdout) as { run_id: string }).run_id;
    const report = cli(['report', runId, '--db', 'm.duckdb', '--out', 'report.html'], dir);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain(`wrote report.html`);
    const file = join(dir, 'report.html');
    expect(readFileSync(file, 'utf8'), 'replay --report and report write the same file').toBe(readFileSync(join(dir, 'during.html'), 'utf8'));

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      const url = pathToFileURL(file).href;
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction('document.body.getAttribute("data-charts-drawn") === "4"');
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      const charts = (await page.evaluate(INKED_PIXELS)) as { id: string; canvases: number; inked: number }[];
      expect(charts.map((c) => c.id).sort()).toEqual(['chart-candles', 'chart-daily', 'chart-equity', 'chart-scanners']);
      for (const c of charts) {
        expect(c.canvases, c.id).toBeGreaterThan(0);
        expect(c.inked, `${c.id} has drawn pixels`).toBeGreaterThan(500);
      }
      await page.click('#trade-table thead th:nth-child(19)');
      expect(await page.getAttribute('#trade-table thead th:nth-child(19)', 'aria-sort')).toBe('ascending');
      const [first, worst] = (await page.evaluate(`[document.querySelector('#trade-table tbody td:nth-child(19)').textContent,
        Math.min(...JSON.parse(document.getElementById('trade-table-rows').textContent).map((r) => parseFloat(r[18].replace(/,/g, ''))))]`)) as [string, number];
      expect(Number.parseFloat(first.replace(/,/g, '')), 'sorted by net P&L, worst trade first').toBe(worst);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await browser.close();
    }
  });
});
