import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { DuckDbStore } from '../../src/store/duckdb-store.js';
import { SCHEMA_VERSION_TABLE, latestSchemaVersion } from '../../src/store/schema/migrations.js';
import { useTempDir } from '../support/temp-dir.js';

const tableNames = async (s: DuckDbStore): Promise<string[]> =>
  (await s.connection.runAndReadAll('SELECT table_name FROM duckdb_tables() ORDER BY 1')).getRows().map((r) => String(r[0]));

describe('DuckDbStore', () => {
  const tmp = useTempDir();

  it('creates all six design tables and records the schema version on a new file', async () => {
    const s = await DuckDbStore.open(join(tmp(), 'a.duckdb'));
    const names = await tableNames(s);
    for (const t of ['market_data', 'backtest_runs', 'scanner_signals', 'data_quality_metrics', 'query_performance', 'scanner_performance']) {
      expect(names, `missing ${t}`).toContain(t);
    }
    expect(await s.schemaVersion()).toBe(latestSchemaVersion);
    s.close();
  });

  it('keeps the design columns of market_data in order', async () => {
    const s = await DuckDbStore.open(join(tmp(), 'a.duckdb'));
    const cols = (await s.connection.runAndReadAll(`SELECT column_name FROM duckdb_columns() WHERE table_name = 'market_data' ORDER BY column_index`)).getRows().map((r) => r[0]);
    expect(cols).toEqual(['symbol', 'timestamp', 'open', 'high', 'low', 'close', 'volume', 'trading_date', 'sector', 'bid_price', 'ask_price', 'bid_qty', 'ask_qty', 'last_traded_price', 'last_traded_qty']);
    s.close();
  });

  it('migrates idempotently when opened again', async () => {
    const path = join(tmp(), 'a.duckdb');
    (await DuckDbStore.open(path)).close();
    const s = await DuckDbStore.open(path);
    const rows = (await s.connection.runAndReadAll(`SELECT count(*)::INTEGER FROM ${SCHEMA_VERSION_TABLE}`)).getRows();
    expect(rows[0]?.[0], 'one row per applied migration, not per open').toBe(latestSchemaVersion);
    s.close();
  });

  it('pins the session time zone to UTC', async () => {
    const s = await DuckDbStore.open(join(tmp(), 'a.duckdb'));
    const r = (await s.connection.runAndReadAll(`SELECT timezone('UTC', '2024-01-02 09:15:00+05:30'::TIMESTAMPTZ)::VARCHAR`)).getRows();
    expect(r[0]?.[0]).toBe('2024-01-02 03:45:00');
    s.close();
  });

  it('refuses a file with a newer schema version and leaves it untouched', async () => {
    const path = join(tmp(), 'a.duckdb');
    const s = await DuckDbStore.open(path);
    await s.connection.run(`INSERT INTO ${SCHEMA_VERSION_TABLE} VALUES (${latestSchemaVersion + 1}, 'future', NULL)`);
    s.close();
    const before = readFileSync(path);
    await expect(DuckDbStore.open(path)).rejects.toMatchObject({ code: 'STORE_SCHEMA_TOO_NEW' });
    expect(readFileSync(path).equals(before), 'file bytes unchanged').toBe(true);
  });

  it('refuses a DuckDB file that is not ours and leaves it untouched', async () => {
    const path = join(tmp(), 'foreign.duckdb');
    const inst = await DuckDBInstance.create(path);
    const c = await inst.connect();
    await c.run('CREATE TABLE something_else (x INTEGER)');
    c.closeSync();
    inst.closeSync();
    const before = readFileSync(path);
    await expect(DuckDbStore.open(path)).rejects.toMatchObject({ code: 'STORE_NOT_OURS' });
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a file that is not a DuckDB database', async () => {
    const path = join(tmp(), 'text.duckdb');
    writeFileSync(path, 'symbol,timestamp\nX,2024-01-01\n');
    await expect(DuckDbStore.open(path)).rejects.toMatchObject({ code: 'STORE_NOT_DUCKDB' });
    expect(readFileSync(path, 'utf8')).toBe('symbol,timestamp\nX,2024-01-01\n');
  });

  it('refuses to open a missing file read-only', async () => {
    await expect(DuckDbStore.open(join(tmp(), 'missing.duckdb'), { readOnly: true })).rejects.toMatchObject({ code: 'STORE_FILE_MISSING' });
  });

  it('rolls back a failed transaction', async () => {
    const s = await DuckDbStore.open(join(tmp(), 'a.duckdb'));
    await expect(
      s.transaction(async (c) => {
        await c.run(`INSERT INTO market_data (symbol) VALUES ('X')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const n = (await s.connection.runAndReadAll('SELECT count(*)::INTEGER FROM market_data')).getRows()[0]?.[0];
    expect(n).toBe(0);
    s.close();
  });

  it('closes a connection it handed out on disconnect, and leaves its own connection open', async () => {
    const store = await DuckDbStore.open(join(tmp(), 'c.duckdb'));
    try {
      const extra = await store.connect();
      expect(store.openConnections).toBe(2);
      store.disconnect(extra);
      expect(store.openConnections).toBe(1);
      await expect(extra.run('SELECT 1')).rejects.toThrow();
      store.disconnect(store.connection);
      expect((await store.connection.runAndReadAll('SELECT 42')).getRows()).toEqual([[42]]);
    } finally {
      store.close();
    }
    expect(store.openConnections).toBe(0);
  });
});
