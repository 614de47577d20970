import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvariantError } from '../../src/core/index.js';
import { DuckDbStore } from '../../src/store/duckdb-store.js';
import { openBarReader } from '../../src/store/bar-reader.js';
import { useTempDir } from '../support/temp-dir.js';

const SYMBOLS = 5;

/** Rows i in [from, to): symbol S<i % 5>, minute i / 5 after 09:15 IST, inserted in the given order. */
const insert = async (s: DuckDbStore, from: number, to: number, order: 'ASC' | 'DESC'): Promise<void> => {
  await s.connection.run(`INSERT INTO market_data (symbol, timestamp, open, high, low, close, volume, trading_date)
    SELECT 'S' || (i % ${SYMBOLS}), TIMESTAMP '2025-01-06 03:45:00' + to_minutes((i // ${SYMBOLS})::BIGINT), 100 + i % 7, 110, 90, 101, i, DATE '2025-01-06'
    FROM range(${from}, ${to}) t(i) ORDER BY i ${order}`);
};

/** Every (startMs, symbolId) the reader hands out, in order, and the chunk count. */
const readAll = async (s: DuckDbStore): Promise<{ keys: string[]; volumes: number[]; chunks: number }> => {
  const reader = await openBarReader(s.connection, {});
  const keys: string[] = [];
  const volumes: number[] = [];
  let chunks = 0;
  for await (const c of reader.chunks()) {
    chunks++;
    for (let i = 0; i < c.length; i++) {
      keys.push(`${c.startMs[i]}:${c.symbolId[i]}`);
      volumes.push(c.volume[i] as number);
    }
  }
  return { keys, volumes, chunks };
};

const expected = (n: number): { keys: string[]; volumes: number[] } => {
  const t0 = Date.UTC(2025, 0, 6, 3, 45);
  const ids = Array.from({ length: n }, (_, i) => i);
  return { keys: ids.map((i) => `${t0 + Math.floor(i / SYMBOLS) * 60_000}:${i % SYMBOLS}`), volumes: ids };
};

describe('openBarReader', () => {
  const tmp = useTempDir();

  it('reads a table stored in (timestamp, symbol) order as it lies, in several chunks', async () => {
    const s = await DuckDbStore.open(join(tmp(), 'a.duckdb'));
    await insert(s, 0, 6000, 'ASC');
    const got = await readAll(s);
    expect(got.chunks).toBeGreaterThan(2);
    expect(got).toMatchObject(expected(6000));
    s.close();
  });

  it('falls back to a sorted read from the last bar handed out when the stored order breaks mid-slice', async () => {
    const s = await DuckDbStore.open(join(tmp(), 'a.duckdb'));
    await insert(s, 0, 5000, 'ASC');
    await insert(s, 5000, 9000, 'DESC');
    const got = await readAll(s);
    expect(got.keys).toEqual(expected(9000).keys);
    expect(got.volumes).toEqual(expected(9000).volumes);
    s.close();
  });

  it('sorts a table stored in no useful order from its first bar', async () => {
    const s = await DuckDbStore.open(join(tmp(), 'a.duckdb'));
    await insert(s, 0, 4000, 'DESC');
    expect(await readAll(s)).toMatchObject(expected(4000));
    s.close();
  });

  it('refuses a duplicated bar, in the stored order and after the fallback alike', async () => {
    for (const order of ['ASC', 'DESC'] as const) {
      const s = await DuckDbStore.open(join(tmp(), `dup-${order}.duckdb`));
      await insert(s, 0, 3000, order);
      await insert(s, 2999, 3000, 'ASC');
      await expect(readAll(s), order).rejects.toThrow(InvariantError);
      s.close();
    }
  });
});
