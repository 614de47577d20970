import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { useTempDir } from '../support/temp-dir.js';

describe('trade-engine CLI (data, ingest, replay)', () => {
  const tmp = useTempDir();

  it('generates data, then replays it twice with the same fingerprint and prints machine-readable results', () => {
    const dir = tmp();
    const gen = cli(['data', 'generate', '--db', 'm.duckdb', '--symbols', '6', '--days', '3', '--seed', '5'], dir);
    expect(gen.stderr).toBe('');
    expect(gen.stdout).toContain('generated 6750 bars');
    const a = cli(['replay', '--db', 'm.duckdb', '--json'], dir);
    const b = cli(['replay', '--db', 'm.duckdb', '--json', '--symbols', 'INFY,HINDUNILVR,TCS,RELIANCE,HDFCBANK,ICICIBANK'], dir);
    expect(a.code, a.stderr).toBe(0);
    const ja = JSON.parse(a.stdout) as { run_id: string; fingerprint: string; bars: number; metrics: Record<string, unknown>; scanners: unknown[] };
    const jb = JSON.parse(b.stdout) as typeof ja;
    expect(ja.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(jb.fingerprint, 'same data and config').toBe(ja.fingerprint);
    expect(jb.run_id).not.toBe(ja.run_id);
    expect(ja.bars).toBe(6750);
    expect(ja.scanners).toHaveLength(6);
    expect(Object.keys(ja.metrics)).toEqual(expect.arrayContaining(['total_return', 'max_drawdown', 'sharpe_ratio', 'charges_rupees']));
  });

  it('prints the per-scanner and portfolio summary without --json', () => {
    const dir = tmp();
    cli(['data', 'generate', '--db', 'm.duckdb', '--symbols', '4', '--days', '2'], dir);
    const r = cli(['replay', '--db', 'm.duckdb', '--from', '2025-01-02'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/per scanner:[\s\S]*win rate %[\s\S]*portfolio:[\s\S]*max drawdown %/);
    expect(r.stdout).toContain('bars/s');
  });

  it('refuses a config with an unknown scanner or a bad parameter, naming the key, and exits non-zero', () => {
    const dir = tmp();
    cli(['data', 'generate', '--db', 'm.duckdb', '--symbols', '2', '--days', '1'], dir);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ scanners: { macd: { enabled: true }, 'ema-crossover': { params: { fast: 0 } } } }));
    const r = cli(['replay', '--db', 'm.duckdb', '--config', 'bad.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('scanners.macd: unknown scanner');
    expect(r.stderr).toContain('scanners.ema-crossover.params.fast');
    writeFileSync(join(dir, 'typo.json'), JSON.stringify({ risk: { maxOpenPosition: 3 } }));
    expect(cli(['replay', '--db', 'm.duckdb', '--config', 'typo.json'], dir).stderr).toMatch(/risk.*maxOpenPosition/);
  });

  it('ingests a CSV, reports counts per reason, and gives one clear line for a missing file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bars.csv'), ['symbol,timestamp,open,high,low,close,volume', 'SBIN,2025-01-06 09:15:00,800,801,799,800.5,100', 'SBIN,2025-01-06 09:16:00,800,799,801,800,100'].join('\n'));
    const r = cli(['ingest', 'bars.csv', '--db', 'm.duckdb'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/HIGH_BELOW_LOW\s+1/);
    expect(r.stdout).toContain('total: 1 accepted, 0 duplicate, 1 rejected');
    const missing = cli(['ingest', 'nope.csv', '--db', 'm.duckdb'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toEqual(['trade-engine: nope.csv: file does not exist [INGEST_FILE_MISSING]']);
  });

  it('has --help on every command', () => {
    for (const args of [['--help'], ['data', 'generate', '--help'], ['data', 'symbols', '--help'], ['data', 'quality', '--help'], ['ingest', '--help'], ['replay', '--help'], ['demo', '--help']]) {
      const r = cli(args, tmp());
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: trade-engine/);
    }
  });
});

describe('trade-engine orders', () => {
  const tmp = useTempDir();

  it("lists a day's orders of a run with their states and fills, and refuses a bad date", () => {
    const dir = tmp();
    cli(['data', 'generate', '--db', 'm.duckdb', '--symbols', '6', '--days', '2', '--seed', '5'], dir);
    const r = cli(['replay', '--db', 'm.duckdb', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const out = cli(['orders', '--db', 'm.duckdb', '--json'], dir);
    expect(out.code, out.stderr).toBe(0);
    const day = JSON.parse(out.stdout) as { date: string; orders: { clientOrderId: string; state: string; purpose: string }[]; fills: { clientOrderId: string }[] };
    expect(day.date).toBe('2025-01-02');
    expect(day.orders.length).toBeGreaterThan(0);
    const filled = new Set(day.fills.map((f) => f.clientOrderId));
    for (const o of day.orders) expect(o.state === 'TRADED', `${o.clientOrderId} ${o.state}`).toBe(filled.has(o.clientOrderId));
    const text = cli(['orders', '--db', 'm.duckdb', '--date', '2025-01-01'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('ENTRY');
    expect(cli(['orders', '--db', 'm.duckdb', '--date', '2025-13-01'], dir).code).not.toBe(0);
  });
});
