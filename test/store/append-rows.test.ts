import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendRows } from '../../src/store/append-rows.js';
import { DuckDbStore } from '../../src/store/index.js';
import { useTempDir } from '../support/temp-dir.js';

describe('appendRows', () => {
  const tmp = useTempDir();

  it('casts numbers to the column types as CAST does, epoch ms to TIMESTAMP, text to DATE, and a rollback drops the rows', async () => {
    const s = await DuckDbStore.open(join(tmp(), 'a.duckdb'));
    try {
      const c = s.connection;
      await c.run('CREATE TABLE t (n INTEGER, price DECIMAL(10,2), at_ts TIMESTAMP, d DATE, note VARCHAR)');
      const cols = [['n', 'number'], ['price', 'number'], ['at_ts', 'epochMs'], ['d', 'text'], ['note', 'text']] as const;
      await appendRows(c, 't', cols, [[2.5, 0.125, Date.parse('2025-01-06T04:00:00.250Z'), '2025-01-06', null], [-2.5, 12.344, 0, '2025-01-07', 'x']]);
      const read = async () => (await c.runAndReadAll(`SELECT n, price::VARCHAR, strftime(at_ts, '%Y-%m-%d %H:%M:%S.%g'), d::VARCHAR, note FROM t ORDER BY rowid`)).getRows();
      const viaCast = (await c.runAndReadAll('SELECT 2.5::DOUBLE::INTEGER, 0.125::DOUBLE::DECIMAL(10,2)::VARCHAR, (-2.5)::DOUBLE::INTEGER, 12.344::DOUBLE::DECIMAL(10,2)::VARCHAR')).getRows()[0];
      const rows = await read();
      expect([rows[0]?.[0], rows[0]?.[1], rows[1]?.[0], rows[1]?.[1]]).toEqual(viaCast);
      expect(rows.map((r) => r.slice(2))).toEqual([['2025-01-06 04:00:00.250', '2025-01-06', null], ['1970-01-01 00:00:00.000', '2025-01-07', 'x']]);
      await c.run('BEGIN TRANSACTION');
      await appendRows(c, 't', cols, [[1, 1, 0, '2025-01-08', 'rolled back']]);
      await c.run('ROLLBACK');
      expect(await read()).toHaveLength(2);
    } finally {
      s.close();
    }
  });

  it('refuses a column list that does not match the table, and names the column and row of a value it cannot hold', async () => {
    const s = await DuckDbStore.open(join(tmp(), 'b.duckdb'));
    try {
      const c = s.connection;
      await c.run('CREATE TABLE t (n INTEGER, note VARCHAR)');
      await expect(appendRows(c, 't', [['n', 'number']], [[1]])).rejects.toMatchObject({ code: 'STORE_BAD_ARGUMENT', message: 't has 2 columns, the writer knows 1' });
      await expect(appendRows(c, 't', [['n', 'number'], ['note', 'text']], [[1, 'a'], [2 ** 40, 'b']])).rejects.toMatchObject({ code: 'STORE_QUERY_FAILED', message: expect.stringMatching(/^cannot write t column n, row 2 of 2: /) });
      expect((await c.runAndReadAll('SELECT count(*) FROM t')).getRows()).toEqual([[0n]]);
    } finally {
      s.close();
    }
  });
});
