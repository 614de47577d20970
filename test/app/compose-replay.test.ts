import { describe, expect, it, vi } from 'vitest';
import { BarCache, DuckDbStore } from '../../src/store/index.js';
import { istDay, istMinuteOfDay } from '../../src/core/index.js';
import { configWith, defaultConfig, generatedDb, replay, storedSignals } from '../support/replay-fixture.js';
import { useTempDir } from '../support/temp-dir.js';
import { REPLAY_LATENCY_SAMPLE, runReplay } from '../../src/app/compose-replay.js';

describe('runReplay', () => {
  const tmp = useTempDir();

  it('gives the same fingerprint, signals and result rows when run twice', async () => {
    const db = await generatedDb(tmp());
    const a = await replay(db);
    const b = await replay(db);
    expect(a.signalCount, 'the sample data must give the scanners something to find').toBeGreaterThan(10);
    expect(a.results.trades.length).toBeGreaterThan(0);
    expect(b.fingerprint).toBe(a.fingerprint);
    const sa = await storedSignals(db, a.runId);
    expect(sa).toHaveLength(a.signalCount);
    expect(await storedSignals(db, b.runId)).toEqual(sa);
    // Wall-clock measurements (execution time, latency percentiles) are the only fields allowed to differ.
    const strip = (r: typeof a.results) => ({ ...r, run: { ...r.run, runId: '', executionTimeSeconds: 0 }, latency: (r.latency ?? []).map((l) => ({ metric: l.metric, count: l.count })) });
    expect(strip(b.results)).toEqual(strip(a.results));
  });

  it('opens a bar connection only to read the file, and closes it, so a store kept for many replays (a sweep thread\'s) keeps only its own', async () => {
    const store = await DuckDbStore.open(await generatedDb(tmp()), { readOnly: true });
    try {
      const cache = new BarCache(1_000_000);
      const run = (n: number, range = {}) => runReplay({ store, config: defaultConfig(), range, runId: `conn-${n}`, writeResults: false, wallSeconds: () => 0, barCache: cache });
      const connects = vi.spyOn(store, 'connect');
      const first = await run(1);
      expect(store.openConnections).toBe(1);
      expect(connects, 'bars read from the file, through a connection of their own').toHaveBeenCalledTimes(1);
      expect((await run(2)).fingerprint, 'from the cache').toBe(first.fingerprint);
      expect(connects, 'bars from the cache: no connection').toHaveBeenCalledTimes(1);
      expect(store.openConnections).toBe(1);
      await expect(run(3, { from: '1990-01-01', to: '1990-01-02' })).rejects.toMatchObject({ code: 'STORE_BAD_ARGUMENT' });
      expect(store.openConnections, 'after a replay that failed').toBe(1);
    } finally {
      store.close();
    }
  });

  it('never fills an entry before the bar after its signal', async () => {
    const db = await generatedDb(tmp());
    const r = await replay(db);
    const signalAt = new Map((await storedSignals(db, r.runId)).map((s) => [s.id, s.atMs]));
    for (const t of r.results.trades) {
      const at = signalAt.get(String(t.signalId));
      expect(at, `trade ${t.tradeNo} has its signal`).toBeDefined();
      expect(Number(t.entryMs), 'entry fill is at or after the close of the signal bar').toBeGreaterThanOrEqual(at ?? Infinity);
    }
  });

  it('squares off every intraday position by the square-off time and opens none outside the entry window', async () => {
    const r = await replay(await generatedDb(tmp()), undefined, false);
    for (const t of r.results.trades) {
      const exit = Number(t.exitMs);
      const entry = Number(t.entryMs);
      expect(istDay(exit), 'same-day exit').toBe(istDay(entry));
      expect(istMinuteOfDay(exit), 'exit no later than the 15:15 square-off bar').toBeLessThanOrEqual(15 * 60 + 16);
      expect(istMinuteOfDay(entry)).toBeGreaterThanOrEqual(9 * 60 + 20);
      expect(istMinuteOfDay(entry)).toBeLessThanOrEqual(15 * 60 + 1);
    }
    expect(r.results.trades.some((t) => t.exitReason === 'SQUARE_OFF')).toBe(true);
  });

  it("turning one scanner off removes its signals and leaves the others' unchanged", async () => {
    const db = await generatedDb(tmp());
    const all = await storedSignals(db, (await replay(db)).runId);
    const without = await storedSignals(db, (await replay(db, configWith((c) => (c.scanners['ema-crossover'].enabled = false)))).runId);
    expect(all.some((s) => s.scanner === 'ema-crossover')).toBe(true);
    expect(without.some((s) => s.scanner === 'ema-crossover')).toBe(false);
    expect(without).toEqual(all.filter((s) => s.scanner !== 'ema-crossover'));
  });

  it('writes one backtest_runs row, a scanner_signals row per signal and a scanner_performance row per scanner', async () => {
    const db = await generatedDb(tmp());
    const r = await replay(db);
    const s = await DuckDbStore.open(db, { readOnly: true });
    const one = async (sql: string) => (await s.connection.runAndReadAll(sql, [r.runId])).getRows()[0];
    expect(await one('SELECT count(*)::INTEGER, any_value(total_signals) FROM backtest_runs WHERE run_id = $1')).toEqual([1, r.signalCount]);
    expect(await one('SELECT count(*)::INTEGER, count(*) FILTER (executed)::INTEGER FROM scanner_signals WHERE backtest_run_id = $1')).toEqual([r.signalCount, r.results.trades.length]);
    const denied = Object.values(r.deniedByCode).reduce((a, b) => a + b, 0);
    expect(await one('SELECT count(*)::INTEGER FROM journal_denials WHERE run_id = $1'), 'every denial journaled').toEqual([denied]);
    expect(await one('SELECT count(*)::INTEGER FROM scanner_performance WHERE backtest_run_id = $1')).toEqual([6]);
    expect(await one('SELECT count(*)::INTEGER, sum(net_pnl)::DOUBLE FROM backtest_trades WHERE run_id = $1')).toEqual([
      r.results.trades.length, r.results.trades.reduce((n, t) => n + Number(t.netPnl), 0) / 100,
    ]);
    const trades = r.results.trades.length;
    expect(trades).toBeGreaterThan(0);
    expect(await one(`SELECT count(*) FILTER (purpose = 'ENTRY')::INTEGER, count(*)::INTEGER FROM journal_fills WHERE run_id = $1`), 'an entry and an exit fill per trade').toEqual([trades, 2 * trades]);
    const orders = await one(`SELECT count(*) FILTER (purpose = 'ENTRY')::INTEGER, count(DISTINCT client_order_id)::INTEGER, count(*)::INTEGER FROM journal_orders WHERE run_id = $1`);
    expect(orders?.[0]).toBeGreaterThanOrEqual(trades);
    expect(orders?.[1], 'client order ids are unique').toBe(orders?.[2]);
    const lat = await one(`SELECT count(*)::INTEGER, max(samples) FILTER (metric = 'trade_engine_graph_bar_processing_seconds')::INTEGER, bool_and(p50_us <= p99_us) FROM backtest_latency WHERE run_id = $1`);
    expect(lat?.[0], 'three latency metrics stored with the results').toBe(3);
    expect(Number(lat?.[1]), 'one bar in REPLAY_LATENCY_SAMPLE timed').toBe(Math.floor(r.bars / REPLAY_LATENCY_SAMPLE));
    expect(lat?.[2]).toBe(true);
    expect(await one(`SELECT count(*)::INTEGER FROM journal_fills f WHERE run_id = $1 AND NOT EXISTS (SELECT 1 FROM journal_orders o WHERE o.run_id = f.run_id AND o.client_order_id = f.client_order_id)`), 'every fill has its order').toEqual([0]);
    s.close();
  });
});

describe('runReplay with a journal writing during the stream', () => {
  const tmp = useTempDir();

  it('replays every bar of a range spanning several read slices while signals are journaled', async () => {
    const db = await generatedDb(tmp(), 300, 15);
    const r = await replay(db, undefined, false);
    expect(r.signalCount, 'more signals than DuckDB appends before flushing an appender (204,800)').toBeGreaterThan(204_800);
    expect(r.bars, 'no bar lost when the journal writes between chunks').toBe(300 * 15 * 375);
  });
});

describe('runReplay with no signals', () => {
  const tmp = useTempDir();

  it('completes and writes an empty run when every scanner is off', async () => {
    const db = await generatedDb(tmp(), 2, 1);
    const off = configWith((c) => {
      for (const s of Object.values(c.scanners) as { enabled: boolean }[]) s.enabled = false;
    });
    const r = await replay(db, off);
    expect([r.signalCount, r.results.trades.length, r.bars]).toEqual([0, 0, 2 * 375]);
    expect(r.results.run.totalReturn).toBe(0);
  });
});
