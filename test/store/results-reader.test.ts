import { describe, expect, it } from 'vitest';
import { DuckDbStore, ReportDataError, busiestSymbol, readRunReport } from '../../src/store/index.js';
import { bucketMinutesFor } from '../../src/store/report-bars.js';
import { generatedDb, replay } from '../support/replay-fixture.js';
import { useTempDir } from '../support/temp-dir.js';

const withStore = async <T>(db: string, fn: (s: DuckDbStore) => Promise<T>): Promise<T> => {
  const s = await DuckDbStore.open(db, { readOnly: true });
  try {
    return await fn(s);
  } finally {
    s.close();
  }
};

const errorOf = async (p: Promise<unknown>): Promise<ReportDataError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof ReportDataError) return e;
    throw e;
  }
  throw new Error('expected a ReportDataError');
};

describe('readRunReport', () => {
  const tmp = useTempDir();

  it('reads the run, its days, trades, scanners, data quality and the bars of the symbol with the most trades', async () => {
    const db = await generatedDb(tmp(), 4, 2);
    const out = await replay(db);
    const r = await withStore(db, (s) => readRunReport(s, out.runId));
    expect(r.run.runId).toBe(out.runId);
    expect(r.trades.length).toBeGreaterThan(0);
    expect(r.run.totalReturn).toBeCloseTo(out.results.run.totalReturn, 4);
    expect([r.run.fromDate, r.run.toDate]).toEqual(['2025-01-06', '2025-01-07']);
    expect(r.trades).toHaveLength(out.results.trades.length);
    expect(r.trades.reduce((n, t) => n + t.netPnlPaise, 0)).toBe(out.results.trades.reduce((n, t) => n + Number(t.netPnl), 0));
    expect(r.trades.every((t) => t.chargesPaise === t.brokeragePaise + t.sttPaise + t.exchangeTxnPaise + t.sebiFeePaise + t.stampDutyPaise + t.gstPaise)).toBe(true);
    expect(r.daily.map((d) => d.date)).toEqual(['2025-01-06', '2025-01-07']);
    expect(r.scanners.map((s) => s.scanner)).toEqual([...out.results.scanners.map((s) => s.scanner)].sort());
    expect(r.quality.symbolsExact).toBe(true);
    expect(r.quality.rows.map((q) => [q.days, q.validRecords])).toEqual(Array.from({ length: 4 }, () => [2, 750]));
    expect(r.bars?.symbol).toBe(busiestSymbol(r.trades));
    expect([r.bars?.bucketMinutes, r.bars?.sourceBars, r.bars?.bars.length]).toEqual([1, 750, 750]);
  });

  it('aggregates the chart bars into buckets within each day when there are more than maxBars, keeping OHLC', async () => {
    const db = await generatedDb(tmp(), 2, 2);
    const out = await replay(db);
    const [full, small] = await withStore(db, async (s) => [await readRunReport(s, out.runId, { symbol: 'RELIANCE' }), await readRunReport(s, out.runId, { symbol: 'RELIANCE', maxBars: 60 })]);
    expect(small?.bars?.bucketMinutes).toBe(15);
    expect(small?.bars?.bars).toHaveLength(50);
    const first15 = full?.bars?.bars.slice(0, 15) ?? [];
    expect(small?.bars?.bars[0]).toEqual({
      startMs: first15[0]?.startMs, openPaise: first15[0]?.openPaise, closePaise: first15[14]?.closePaise,
      highPaise: Math.max(...first15.map((b) => b.highPaise)), lowPaise: Math.min(...first15.map((b) => b.lowPaise)), volume: first15.reduce((n, b) => n + b.volume, 0),
    });
  });

  it('refuses an unknown run id naming the file, the run and the latest runs', async () => {
    const db = await generatedDb(tmp(), 2, 1);
    const out = await replay(db);
    const e = await errorOf(withStore(db, (s) => readRunReport(s, 'no-such-run')));
    expect(e.code).toBe('REPORT_RUN_NOT_FOUND');
    expect(e.message).toBe(`${db}: no backtest run no-such-run (latest runs: ${out.runId})`);
  });

  it('refuses a database without backtest results', async () => {
    const db = await generatedDb(tmp(), 2, 1);
    const e = await errorOf(withStore(db, (s) => readRunReport(s, 'run-x')));
    expect(e.code).toBe('REPORT_NO_RESULTS');
    expect(e.message).toContain(`${db}: no backtest results in this database`);
  });

  it('refuses a chart symbol that has no bars in the run', async () => {
    const db = await generatedDb(tmp(), 2, 1);
    const out = await replay(db);
    const e = await errorOf(withStore(db, (s) => readRunReport(s, out.runId, { symbol: 'NOPE' })));
    expect(e.code).toBe('REPORT_SYMBOL_NOT_FOUND');
  });
});

describe('bucketMinutesFor', () => {
  it('picks the smallest bucket that fits, down to one bar per day', () => {
    expect(bucketMinutesFor(3_000, 8, 4_000)).toBe(1);
    expect(bucketMinutesFor(250 * 375, 250, 4_000)).toBe(30);
    expect(bucketMinutesFor(2_500 * 375, 2_500, 4_000)).toBe(1440);
  });
});

describe('busiestSymbol', () => {
  it('picks the symbol with the most trades, breaking ties by name', () => {
    expect(busiestSymbol([{ symbol: 'TCS' }, { symbol: 'INFY' }, { symbol: 'TCS' }, { symbol: 'INFY' }])).toBe('INFY');
    expect(busiestSymbol([])).toBeUndefined();
  });
});
