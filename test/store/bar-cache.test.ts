import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BarCache } from '../../src/store/bar-cache.js';
import type { BarReader } from '../../src/store/bar-reader.js';
import { DuckDbStore } from '../../src/store/duckdb-store.js';
import { useTempDir } from '../support/temp-dir.js';

const insert = async (s: DuckDbStore, date: string, n: number): Promise<void> => {
  await s.connection.run(`INSERT INTO market_data (symbol, timestamp, open, high, low, close, volume, trading_date)
    SELECT 'S' || (i % 3), $1::TIMESTAMP + to_minutes((i // 3)::BIGINT), 100, 110, 90, 101, i, $2::DATE FROM range(0, ${n}) t(i) ORDER BY i`, [`${date} 03:45:00`, date]);
};

const drain = async (r: BarReader): Promise<string[]> => {
  const out: string[] = [];
  for await (const c of r.chunks()) for (let i = 0; i < c.length; i++) out.push(`${c.startMs[i]}:${c.symbolId[i]}:${c.volume[i]}`);
  return out;
};

/** The store's own connection, as a reader's `connect` hands it out. */
const connectTo = (s: DuckDbStore) => async () => s.connection;

describe('BarCache', () => {
  const tmp = useTempDir();

  it('replays a range read once from its copy, the same bars in the same order, without the store', async () => {
    const s = await DuckDbStore.open(join(tmp(), 'a.duckdb'));
    await insert(s, '2025-01-06', 5000);
    const cache = new BarCache(10_000);
    const first = await drain(await cache.open(connectTo(s), {}));
    expect(cache.barsHeld).toBe(5000);
    await s.connection.run('DELETE FROM market_data');
    const again = await cache.open(connectTo(s), {});
    expect(again.totalBars).toBe(5000);
    expect(await drain(again)).toEqual(first);
    s.close();
  });

  it('streams a range larger than its budget without keeping it, and drops the oldest range for a new one', async () => {
    const s = await DuckDbStore.open(join(tmp(), 'a.duckdb'));
    await insert(s, '2025-01-06', 3000);
    await insert(s, '2025-01-07', 3000);
    const cache = new BarCache(4000);
    expect(await drain(await cache.open(connectTo(s), {}))).toHaveLength(6000);
    expect(cache.barsHeld).toBe(0);
    await drain(await cache.open(connectTo(s), { to: '2025-01-06' }));
    await drain(await cache.open(connectTo(s), { from: '2025-01-07' }));
    expect(cache.barsHeld).toBe(3000);
    await s.connection.run(`DELETE FROM market_data WHERE trading_date = '2025-01-06'`);
    expect(await drain(await cache.open(connectTo(s), { to: '2025-01-06' })), 'the dropped range is read from the store again').toEqual([]);
    expect(await drain(await cache.open(connectTo(s), { from: '2025-01-07' }))).toHaveLength(3000);
    s.close();
  });

  it('keeps nothing from a read the caller stopped early', async () => {
    const s = await DuckDbStore.open(join(tmp(), 'a.duckdb'));
    await insert(s, '2025-01-06', 5000);
    const cache = new BarCache(10_000);
    for await (const c of (await cache.open(connectTo(s), {})).chunks()) if (c.length > 0) break;
    expect(cache.barsHeld).toBe(0);
    s.close();
  });
});
