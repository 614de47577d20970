import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDbMarketDataPort } from '../../../src/store/access/market-data-port.js';
import { QueryTelemetry } from '../../../src/store/access/query-telemetry.js';
import { DuckDbStore } from '../../../src/store/duckdb-store.js';
import { generateBars } from '../../../src/store/generator/generate-bars.js';
import { useTempDir } from '../../support/temp-dir.js';

describe('DuckDbMarketDataPort', () => {
  const tmp = useTempDir();
  const open = async () => {
    const store = await DuckDbStore.open(join(tmp(), 'm.duckdb'));
    await generateBars(store, { symbols: 3, days: 2, seed: 1, startDate: '2025-01-06' });
    let t = 1_700_000_000_000;
    const telemetry = new QueryTelemetry(store.connection, { now: () => t++, startTimer: () => () => 2.4 }, 'tester', 1000);
    return { store, port: new DuckDbMarketDataPort(store, telemetry), telemetry };
  };
  const perf = async (s: DuckDbStore) => (await s.connection.runAndReadAll(`SELECT query_type, execution_time_ms, records_returned, query_complexity, optimization_applied, user_id FROM query_performance ORDER BY timestamp`)).getRows();

  it('returns the rows of a parameterised query in (timestamp, symbol) order, columns as asked', async () => {
    const { store, port } = await open();
    const f = await port.queryMarketData({ symbols: ['RELIANCE'], from: '2025-01-07', columns: ['symbol', 'timestamp', 'close'] });
    expect(Object.keys(f)).toEqual(['symbol', 'timestamp', 'close']);
    expect(f.symbol).toHaveLength(375);
    expect(new Set(f.symbol)).toEqual(new Set(['RELIANCE']));
    const ts = f.timestamp as number[];
    expect(ts.every((t, i) => i === 0 || t > (ts[i - 1] ?? 0))).toBe(true);
    store.close();
  });

  it('treats a hostile symbol as a value, never as SQL', async () => {
    const { store, port } = await open();
    const f = await port.queryMarketData({ symbols: ["RELIANCE' OR 1=1 --"], columns: ['symbol'] });
    expect(f.symbol).toEqual([]);
    await expect(port.queryMarketData({ columns: ['symbol; DROP TABLE market_data' as never] })).rejects.toMatchObject({ code: 'STORE_BAD_ARGUMENT' });
    store.close();
  });

  it('records every query in query_performance in one batch on flush, marking cached statements', async () => {
    const { store, port, telemetry } = await open();
    await port.cacheFrequentQueries([{ symbols: ['TCS'], columns: ['close'] }]);
    await port.queryMarketData({ symbols: ['TCS'], columns: ['close'] });
    await port.availableSymbols({ from: '2025-01-06' });
    expect(await perf(store), 'nothing written before the batch is flushed').toEqual([]);
    expect(telemetry.pending).toBe(2);
    await port.close();
    expect(await perf(store)).toEqual([
      ['market_data', 2, 750, 'filtered', true, 'tester'],
      ['market_data', 2, 3, 'aggregate', false, 'tester'],
    ]);
    store.close();
  });

  it('lists the available symbols for a date range', async () => {
    const { store, port } = await open();
    expect(await port.availableSymbols({ from: '2025-01-06', to: '2025-01-07' })).toEqual(['HDFCBANK', 'RELIANCE', 'TCS']);
    expect(await port.availableSymbols({ from: '2025-02-01' })).toEqual([]);
    store.close();
  });

  it('validates integrity of a symbol-day: a full clean day is valid, missing bars are reported', async () => {
    const { store, port } = await open();
    expect(await port.validateDataIntegrity('TCS', '2025-01-06')).toMatchObject({ bars: 375, valid: true, problems: [] });
    await store.connection.run(`DELETE FROM market_data WHERE symbol = 'TCS' AND trading_date = DATE '2025-01-06' AND timestamp < TIMESTAMP '2025-01-06 04:00:00'`);
    const r = await port.validateDataIntegrity('TCS', '2025-01-06');
    expect(r).toMatchObject({ valid: false, bars: 360, problems: [{ check: 'missing_bars', count: 15 }] });
    store.close();
  });

  it('analyses a query with EXPLAIN ANALYZE', async () => {
    const { store, port } = await open();
    const a = await port.analyzeQuery({ symbols: ['TCS'] });
    expect(a.plan).toMatch(/TABLE_SCAN|SEQ_SCAN|Total Time/i);
    expect(a.sql).toContain('$1');
    store.close();
  });
});
