import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDbStore } from '../../../src/store/duckdb-store.js';
import { ingestFiles } from '../../../src/store/ingest/index.js';
import { useTempDir } from '../../support/temp-dir.js';

const HEADER = 'symbol,timestamp,open,high,low,close,volume,sector';
const good = (ts: string, sym = 'RELIANCE') => `${sym},${ts},100,101,99,100.5,1000,Energy`;

describe('ingestFiles', () => {
  const tmp = useTempDir();
  const csv = (name: string, lines: string[]) => {
    const p = join(tmp(), name);
    writeFileSync(p, `${lines.join('\n')}\n`);
    return p;
  };
  const db = () => DuckDbStore.open(join(tmp(), 'db.duckdb'));
  const q = async (s: DuckDbStore, sql: string) => (await s.connection.runAndReadAll(sql)).getRows();

  it('rejects each invalid row with its reason and line, and admits only valid rows', async () => {
    const file = csv('bars.csv', [HEADER,
      good('2025-01-06 09:15:00'),                                   // 2 ok
      ',2025-01-06 09:16:00,100,101,99,100,10,',                     // 3 NULL_REQUIRED
      'RELIANCE,2025-01-06 09:17:00,abc,101,99,100,10,',             // 4 BAD_NUMBER
      'RELIANCE,not-a-time,100,101,99,100,10,',                      // 5 BAD_TIMESTAMP
      'RELIANCE,2025-01-06 09:18:00,0,101,0,100,10,',                // 6 NON_POSITIVE_PRICE
      'RELIANCE,2025-01-06 09:19:00,100,98,99,100,10,',              // 7 HIGH_BELOW_LOW
      'RELIANCE,2025-01-06 09:20:00,102,101,99,100,10,',             // 8 OPEN_OUTSIDE_RANGE
      'RELIANCE,2025-01-06 09:21:00,100,101,99,98,10,',              // 9 CLOSE_OUTSIDE_RANGE
      'RELIANCE,2025-01-06 09:22:00,100,101,99,100,-5,',             // 10 NEGATIVE_VOLUME
      'RELIANCE,2025-01-06 15:30:00,100,101,99,100,10,',             // 11 OUTSIDE_SESSION (close)
      'RELIANCE,2025-01-04 10:00:00,100,101,99,100,10,',             // 12 OUTSIDE_SESSION (Saturday)
      good('2025-01-06 09:15:00'),                                   // 13 DUPLICATE_IN_FILE
    ]);
    const s = await db();
    const r = await ingestFiles(s, [file]);
    expect(r.totals).toMatchObject({ rows: 12, accepted: 1, duplicates: 0, rejected: 11 });
    const rejects = await q(s, 'SELECT line_number::INTEGER, reason FROM ingest_rejects ORDER BY line_number');
    expect(rejects).toEqual([[3, 'NULL_REQUIRED'], [4, 'BAD_NUMBER'], [5, 'BAD_TIMESTAMP'], [6, 'NON_POSITIVE_PRICE'], [7, 'HIGH_BELOW_LOW'],
      [8, 'OPEN_OUTSIDE_RANGE'], [9, 'CLOSE_OUTSIDE_RANGE'], [10, 'NEGATIVE_VOLUME'], [11, 'OUTSIDE_SESSION'], [12, 'OUTSIDE_SESSION'], [13, 'DUPLICATE_IN_FILE']]);
    expect(r.totals.rejectedByReason).toMatchObject({ OUTSIDE_SESSION: 2, BAD_NUMBER: 1 });
    expect(await q(s, 'SELECT count(*)::INTEGER FROM market_data')).toEqual([[1]]);
    expect((await q(s, `SELECT source_file, raw_row FROM ingest_rejects WHERE line_number = 4`))[0]).toEqual([file, expect.stringContaining('"open":"abc"')]);
    s.close();
  });

  it('counts rows already present as duplicates and does not insert them again', async () => {
    const file = csv('a.csv', [HEADER, good('2025-01-06 09:15:00'), good('2025-01-06 09:16:00')]);
    const s = await db();
    await ingestFiles(s, [file]);
    const again = await ingestFiles(s, [file]);
    expect(again.totals).toMatchObject({ accepted: 0, duplicates: 2, rejected: 0 });
    expect(await q(s, 'SELECT count(*)::INTEGER FROM market_data')).toEqual([[2]]);
    s.close();
  });

  it('honours offsets, reads naive timestamps as IST by default and in --tz when given', async () => {
    const file = csv('tz.csv', [HEADER, good('2025-01-06 09:15:00', 'A'), good('2025-01-06T04:00:00Z', 'B'), good('2025-01-06 10:00:00+05:30', 'C')]);
    const s = await db();
    await ingestFiles(s, [file]);
    expect(await q(s, `SELECT symbol, timestamp::VARCHAR, trading_date::VARCHAR FROM market_data ORDER BY symbol`)).toEqual([
      ['A', '2025-01-06 03:45:00', '2025-01-06'], ['B', '2025-01-06 04:00:00', '2025-01-06'], ['C', '2025-01-06 04:30:00', '2025-01-06'],
    ]);
    const utc = csv('utc.csv', [HEADER, good('2025-01-06 05:00:00', 'D')]);
    await ingestFiles(s, [utc], { tz: 'UTC' });
    expect(await q(s, `SELECT timestamp::VARCHAR FROM market_data WHERE symbol = 'D'`)).toEqual([['2025-01-06 05:00:00']]);
    await expect(ingestFiles(s, [utc], { tz: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'INGEST_BAD_OPTION' });
    s.close();
  });

  it('ingests Parquet', async () => {
    const s = await db();
    const pq = join(tmp(), 'bars.parquet');
    await s.connection.run(`COPY (SELECT 'TCS' AS symbol, TIMESTAMP '2025-01-06 09:15:00' AS timestamp, 3500.05 AS open, 3510 AS high, 3499 AS low, 3505 AS close, 1200 AS volume) TO '${pq}' (FORMAT parquet)`);
    const r = await ingestFiles(s, [pq]);
    expect(r.totals.accepted).toBe(1);
    expect(await q(s, `SELECT timestamp::VARCHAR, open::VARCHAR FROM market_data`)).toEqual([['2025-01-06 03:45:00', '3500.05']]);
    s.close();
  });

  it('refuses a file with a missing column, naming file and column, and leaves the database unchanged', async () => {
    const ok = csv('ok.csv', [HEADER, good('2025-01-06 09:15:00')]);
    const bad = csv('bad.csv', ['symbol,timestamp,open,high,low,close', 'X,2025-01-06 09:15:00,1,1,1,1']);
    const s = await db();
    await expect(ingestFiles(s, [ok, bad])).rejects.toMatchObject({ code: 'INGEST_BAD_SHAPE', message: `${bad}: missing required column(s): volume` });
    expect(await q(s, 'SELECT (SELECT count(*) FROM market_data)::INTEGER, (SELECT count(*) FROM ingest_rejects)::INTEGER, (SELECT count(*) FROM data_quality_metrics)::INTEGER')).toEqual([[0, 0, 0]]);
    await expect(ingestFiles(s, [join(tmp(), 'nope.csv')])).rejects.toMatchObject({ code: 'INGEST_FILE_MISSING' });
    await expect(ingestFiles(s, [csv('x.txt', ['a'])])).rejects.toMatchObject({ code: 'INGEST_UNSUPPORTED_FORMAT' });
    s.close();
  });

  it('refuses to open a database another process holds, naming the file', async () => {
    const path = join(tmp(), 'locked.duckdb');
    (await DuckDbStore.open(path)).close();
    const holder = spawn(process.execPath, ['-e', `
      const { DuckDBInstance } = require(${JSON.stringify(require.resolve('@duckdb/node-api'))});
      DuckDBInstance.create(${JSON.stringify(path)}).then(() => { process.stdout.write('held\\n'); setTimeout(() => {}, 60000); });`]);
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    try {
      await expect(DuckDbStore.open(path)).rejects.toMatchObject({ code: 'STORE_FILE_LOCKED', message: expect.stringContaining(path) });
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
