import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BarRecorder } from '../../src/store/bar-recorder.js';
import { DuckDbStore } from '../../src/store/duckdb-store.js';
import { bar } from '../support/builders.js';
import { useTempDir } from '../support/temp-dir.js';

const rows = async (s: DuckDbStore, sql: string): Promise<unknown[][]> => (await s.connection.runAndReadAll(sql)).getRows();

/** Minute `i` of the session (09:15 + i) as HH:MM. */
const minute = (i: number): string => {
  const m = 555 + i;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

describe('BarRecorder', () => {
  const tmp = useTempDir();

  it('stores each bar once when a batch repeats bars already flushed', async () => {
    const s = await DuckDbStore.open(join(tmp(), 'a.duckdb'));
    const r = await BarRecorder.open(s);
    for (let i = 0; i < 3; i++) r.append(bar({ start: minute(i), o: 100, h: 101, l: 99, c: 100.5, symbol: 'INFY' }));
    expect(await r.flush()).toBe(3);
    r.append(bar({ start: minute(2), o: 100, h: 101, l: 99, c: 100.5, symbol: 'INFY' }));
    r.append(bar({ start: minute(3), o: 100, h: 101, l: 99, c: 100.25, symbol: 'INFY' }));
    expect(await r.flush(), 'the resent bar of minute 2 is skipped').toBe(1);
    await r.close();
    expect(await rows(s, "SELECT count(*)::INTEGER, max(close)::DOUBLE FROM market_data WHERE symbol = 'INFY'")).toEqual([[4, 100.5]]);
    s.close();
  });

  it('refreshes the data quality of every recorded symbol-day when closed, in batches under a small memory limit', async () => {
    const s = await DuckDbStore.open(join(tmp(), 'a.duckdb'));
    const r = await BarRecorder.open(s);
    const symbols = Array.from({ length: 250 }, (_, k) => `S${String(k).padStart(3, '0')}`);
    for (let i = 0; i < 375; i++) {
      for (const [k, symbol] of symbols.entries()) {
        const c = 100 + k + 0.01 * (i % 7);
        r.append(bar({ start: minute(i), o: c, h: c + 0.1, l: c - 0.1, c, symbol, symbolId: k }));
      }
    }
    await r.close();
    expect(await rows(s, 'SELECT count(*)::INTEGER, min(valid_records)::INTEGER, max(missing_data_pct)::DOUBLE FROM data_quality_metrics'), 'a full session per symbol: nothing missing').toEqual([[250, 375, 0]]);
    expect(await rows(s, "SELECT current_setting('threads')::INTEGER"), 'the refresh ran on one DuckDB thread').toEqual([[1]]);
    s.close();
  });
});
