import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDbStore, generateBars, ingestFiles } from '../src/store/index.js';
import { type BenchRow, report } from './bench-table.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'trade-engine-bench-'));
const rows: BenchRow[] = [];
const log = (s: string) => process.stderr.write(`${s}\n`);

const generate = async (path: string, symbols: number, days: number): Promise<number> => {
  const store = await DuckDbStore.open(path);
  const t0 = performance.now();
  const r = await generateBars(store, { symbols, days, seed: 42, startDate: '2025-01-01' });
  const s = (performance.now() - t0) / 1000;
  store.close();
  log(`generated ${r.inserted} bars in ${s.toFixed(2)} s`);
  return s * (1_000_000 / r.inserted);
};

const ingestBench = async (source: string): Promise<number> => {
  const csv = join(work, 'bars.csv');
  const src = await DuckDbStore.open(source, { readOnly: true });
  await src.connection.run(`COPY (SELECT symbol, strftime(timestamp + INTERVAL 330 MINUTE, '%Y-%m-%d %H:%M:%S') AS timestamp, open, high, low, close, volume, sector FROM market_data ORDER BY timestamp, symbol LIMIT 1000000) TO '${csv}' (HEADER)`);
  src.close();
  const dest = await DuckDbStore.open(join(work, 'ingest.duckdb'));
  const t0 = performance.now();
  const r = await ingestFiles(dest, [csv], {});
  const s = (performance.now() - t0) / 1000;
  dest.close();
  log(`ingested ${r.totals.accepted} rows (${r.totals.rejected} rejected) in ${s.toFixed(2)} s`);
  return r.totals.rows / s;
};

const replayOne = (db: string, mode: 'graph' | 'baseline'): { bars: number; barsPerSecond: number; peakRssMb: number } => {
  const out = execFileSync(process.execPath, [join(here, 'replay-one.js'), db, mode], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as { bars: number; barsPerSecond: number; peakRssMb: number };
};

try {
  const db1 = join(work, 'bars-1m.duckdb');
  rows.push({ issue: '#2', metric: 'generate 1,000,000 bars', value: await generate(db1, 100, 27), unit: 's' });
  rows.push({ issue: '#2', metric: 'ingest 1,000,000-row CSV with validation', value: await ingestBench(db1), unit: 'rows/s', target: '>= 1,000,000' });
  const sizes: [string, string, number, number][] = [['1M', db1, 0, 0], ['10M', join(work, 'bars-10m.duckdb'), 400, 67]];
  for (const [label, db, symbols, days] of sizes) {
    if (symbols > 0) await generate(db, symbols, days);
    const g = replayOne(db, 'graph');
    const b = replayOne(db, 'baseline');
    log(`replay ${label}: graph ${Math.round(g.barsPerSecond)} bars/s, baseline ${Math.round(b.barsPerSecond)} bars/s`);
    rows.push({ issue: '#3', metric: `replay ${label} bars, all scanners, end to end`, value: g.barsPerSecond, unit: 'bars/s', target: '>= 1,000,000' });
    rows.push({ issue: '#3', metric: `baseline ${label} (reader + scanners as plain calls)`, value: b.barsPerSecond, unit: 'bars/s' });
    rows.push({ issue: '#3', metric: `replay / baseline ${label}`, value: g.barsPerSecond / b.barsPerSecond, unit: 'ratio', target: '>= 0.5' });
    rows.push({ issue: '#3', metric: `peak RSS replay ${label} (${g.bars.toLocaleString('en-US')} bars)`, value: g.peakRssMb, unit: 'MB', target: '< 400' });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
report(rows, join(root, 'bench', 'results.json'));
