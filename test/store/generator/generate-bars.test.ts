import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDbStore } from '../../../src/store/duckdb-store.js';
import { generateBars } from '../../../src/store/generator/generate-bars.js';
import { useTempDir } from '../../support/temp-dir.js';

const one = async (s: DuckDbStore, sql: string): Promise<unknown> => (await s.connection.runAndReadAll(sql)).getRows()[0]?.[0];

describe('generateBars', () => {
  const tmp = useTempDir();
  const gen = async (name: string, seed = 42, extra: { holidays?: string[] } = {}) => {
    const s = await DuckDbStore.open(join(tmp(), name));
    const report = await generateBars(s, { symbols: 5, days: 3, seed, startDate: '2025-01-01', ...extra });
    return { s, report };
  };

  it('writes 375 bars per symbol per session between 09:15 and 15:29 IST on weekdays only', async () => {
    const { s, report } = await gen('a.duckdb');
    expect(report.inserted).toBe(5 * 3 * 375);
    const perDay = (await s.connection.runAndReadAll(`SELECT symbol, trading_date::VARCHAR, count(*)::INTEGER,
        min(strftime(timestamp + INTERVAL 330 MINUTE, '%H:%M')), max(strftime(timestamp + INTERVAL 330 MINUTE, '%H:%M')), max(dayofweek(trading_date))::INTEGER
      FROM market_data GROUP BY ALL ORDER BY 1, 2`)).getRows();
    expect(perDay).toHaveLength(15);
    for (const r of perDay) expect(r.slice(2)).toEqual([375, '09:15', '15:29', expect.any(Number)]);
    expect(perDay.map((r) => r[1]).slice(0, 3), '2025-01-04/05 are a weekend').toEqual(['2025-01-01', '2025-01-02', '2025-01-03']);
    s.close();
  });

  it('skips configured holidays', async () => {
    const { s, report } = await gen('a.duckdb', 42, { holidays: ['2025-01-02'] });
    expect([report.fromDate, report.toDate]).toEqual(['2025-01-01', '2025-01-06']);
    expect(await one(s, `SELECT count(*)::INTEGER FROM market_data WHERE trading_date = DATE '2025-01-02'`)).toBe(0);
    s.close();
  });

  it('produces consistent OHLC on the 0.05 tick with positive prices and volumes', async () => {
    const { s } = await gen('a.duckdb');
    const bad = await one(s, `SELECT count(*)::INTEGER FROM market_data WHERE NOT (
        low > 0 AND high >= low AND open BETWEEN low AND high AND close BETWEEN low AND high AND volume > 0
        AND (open * 100)::INTEGER % 5 = 0 AND (high * 100)::INTEGER % 5 = 0 AND (low * 100)::INTEGER % 5 = 0 AND (close * 100)::INTEGER % 5 = 0)`);
    expect(bad).toBe(0);
    s.close();
  });

  it('gives the same rows for the same seed and different rows for another seed', async () => {
    const digest = (s: DuckDbStore) => one(s, `SELECT md5(string_agg(concat_ws(',', symbol, timestamp, open, high, low, close, volume), ';' ORDER BY timestamp, symbol)) FROM market_data`);
    const a = await gen('a.duckdb', 7);
    const b = await gen('b.duckdb', 7);
    const c = await gen('c.duckdb', 8);
    expect(await digest(a.s)).toBe(await digest(b.s));
    expect(await digest(a.s)).not.toBe(await digest(c.s));
    for (const x of [a, b, c]) x.s.close();
  });

  it('has U-shaped intraday volume and overnight gaps', async () => {
    const { s } = await gen('a.duckdb');
    const r = (await s.connection.runAndReadAll(`WITH m AS (SELECT (epoch(timestamp) / 60 - epoch(trading_date::TIMESTAMP - INTERVAL 330 MINUTE) / 60 - 555)::INTEGER AS k, volume FROM market_data)
      SELECT avg(volume) FILTER (k < 15), avg(volume) FILTER (k BETWEEN 150 AND 225), avg(volume) FILTER (k >= 360) FROM m`)).getRows()[0] ?? [];
    const [open, mid, close] = r.map(Number);
    expect(open, 'open busier than midday').toBeGreaterThan((mid ?? 0) * 1.5);
    expect(close, 'close busier than midday').toBeGreaterThan(mid ?? 0);
    const gaps = await one(s, `SELECT count(*)::INTEGER FROM (SELECT open, lag(close) OVER (PARTITION BY symbol ORDER BY timestamp) AS pc, trading_date, lag(trading_date) OVER (PARTITION BY symbol ORDER BY timestamp) AS pd FROM market_data) WHERE pd IS NOT NULL AND pd <> trading_date AND open <> pc`);
    expect(gaps, 'most day opens differ from the previous close').toBeGreaterThanOrEqual(8);
    s.close();
  });

  it('stores rows in (timestamp, symbol) order and does not duplicate on a second run', async () => {
    const { s } = await gen('a.duckdb');
    const outOfOrder = await one(s, `SELECT count(*)::INTEGER FROM (SELECT timestamp, symbol, lag(timestamp) OVER (ORDER BY rowid) AS pt, lag(symbol) OVER (ORDER BY rowid) AS ps FROM market_data) WHERE pt IS NOT NULL AND (timestamp, symbol) < (pt, ps)`);
    expect(outOfOrder).toBe(0);
    const again = await generateBars(s, { symbols: 5, days: 3, seed: 42, startDate: '2025-01-01' });
    expect([again.inserted, again.duplicates]).toEqual([0, 5 * 3 * 375]);
    s.close();
  });
});
