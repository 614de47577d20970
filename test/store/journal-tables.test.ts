import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDbStore } from '../../src/store/duckdb-store.js';
import { JournalTables } from '../../src/store/journal-tables.js';
import { useTempDir } from '../support/temp-dir.js';

const rows = async (s: DuckDbStore, sql: string): Promise<unknown[][]> => (await s.connection.runAndReadAll(sql)).getRows();

describe('JournalTables', () => {
  const tmp = useTempDir();
  /** A fresh DuckDB file and a journal of `symbols` spooling into its own scratch folder. */
  const openJournal = async (symbols: string[]): Promise<{ s: DuckDbStore; t: JournalTables; scratch: string }> => {
    const s = await DuckDbStore.open(join(tmp(), 'a.duckdb'));
    const scratch = join(tmp(), 'scratch');
    mkdirSync(scratch);
    return { s, t: new JournalTables(s.connection, symbols, scratch), scratch };
  };

  it('spools signals and denials to files and reads them back exactly, awkward text included', async () => {
    const { s, t, scratch } = await openJournal(['INFY', 'TCS']);
    t.appendSignal({ scannerId: 'vwap-cross', symbolId: 1, side: 'SELL', entry: 123_456, target: 120_000, stopLoss: 125_000, confidence: 0.1 + 0.2, atMs: 1_736_135_100_000 });
    const reason = 'need ₹1,234.50 "more", have\nnothing';
    t.appendDenial({ scannerId: 'ema-crossover', symbol: 'INFY', code: 'RISK_CAPITAL', reason, atMs: 1_736_135_160_000 });
    t.appendSignal({ scannerId: 'ema-crossover', symbolId: 0, side: 'BUY', entry: 1, target: 2, stopLoss: 0, confidence: 1, atMs: 1_736_135_160_000 });
    await t.stage();
    const signals: unknown[][] = [];
    await t.eachSignalSlice(async () => void signals.push(...(await rows(s, 'SELECT seq, sc.name, sy.name, buy, entry_p, target_p, stop_p, conf, at_ms FROM j_signals JOIN j_scanners sc ON sc.idx = scanner JOIN j_symbols sy ON sy.idx = symbol ORDER BY seq'))));
    expect(signals).toEqual([
      [1, 'vwap-cross', 'TCS', 0, 123_456, 120_000, 125_000, 0.1 + 0.2, 1_736_135_100_000],
      [3, 'ema-crossover', 'INFY', 1, 1, 2, 0, 1, 1_736_135_160_000],
    ]);
    const denials: unknown[][] = [];
    await t.eachDenialSlice(async () => void denials.push(...(await rows(s, 'SELECT seq, sc.name, symbol, at_ms, code, reason FROM j_denials JOIN j_scanners sc ON sc.idx = scanner'))));
    expect(denials).toEqual([
      [2, 'ema-crossover', 0, 1_736_135_160_000, 'RISK_CAPITAL', reason],
    ]);
    await t.drop();
    expect(readdirSync(scratch).sort()).toEqual(['denials.bin', 'reasons.csv', 'signals.bin']);
    s.close();
  });

  it('keeps every row across many buffer flushes, a reason longer than the buffer included', async () => {
    const { s, t } = await openJournal(['INFY']);
    const long = `₹${'x'.repeat(70_000)}`;
    for (let i = 0; i < 5000; i++) t.appendDenial({ scannerId: 'orb', symbol: 'INFY', code: 'RISK_CAPITAL', reason: i === 2500 ? long : `row ${i}`, atMs: i });
    await t.stage();
    await t.eachDenialSlice(async () => {
      expect(await rows(s, 'SELECT count(*)::INTEGER, sum(at_ms)::DOUBLE, max(length(reason))::INTEGER FROM j_denials')).toEqual([[5000, (4999 * 5000) / 2, long.length]]);
      expect(await rows(s, 'SELECT reason FROM j_denials WHERE seq = 2502')).toEqual([['row 2501']]);
    });
    await t.drop();
    s.close();
  });

  it('gives empty tables for a run with no signals or denials', async () => {
    const { s, t } = await openJournal(['INFY']);
    await t.stage();
    const counts: unknown[][] = [];
    await t.eachSignalSlice(async () => void counts.push(...(await rows(s, 'SELECT count(*)::INTEGER FROM j_signals'))));
    await t.eachDenialSlice(async () => void counts.push(...(await rows(s, 'SELECT count(*)::INTEGER FROM j_denials'))));
    expect(counts, 'one empty slice of each').toEqual([[0], [0]]);
    await t.drop();
    s.close();
  });

  it('loads the signals a slice at a time in journal order when they span several slices', async () => {
    const { s, t } = await openJournal(['INFY']);
    const n = 300_000;
    for (let i = 0; i < n; i++) t.appendSignal({ scannerId: 'orb', symbolId: 0, side: 'BUY', entry: i, target: i + 2, stopLoss: i - 1, confidence: 0.5, atMs: i });
    await t.stage();
    const slices: unknown[][] = [];
    await t.eachSignalSlice(async () => void slices.push(...(await rows(s, 'SELECT count(*)::INTEGER, min(seq)::INTEGER, max(seq)::INTEGER FROM j_signals'))));
    expect(slices.length, 'more than one slice, so no slice holds them all').toBeGreaterThan(1);
    expect(slices.reduce((sum, [c]) => sum + Number(c), 0)).toBe(n);
    slices.forEach(([count, min, max], k) => {
      expect(Number(max) - Number(min) + 1, `slice ${k} is contiguous`).toBe(Number(count));
      if (k > 0) expect(Number(min), `slice ${k} follows the one before`).toBe(Number(slices[k - 1]?.[2]) + 1);
    });
    await t.drop();
    s.close();
  });
});
