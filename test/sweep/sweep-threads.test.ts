import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliAsync } from '../support/cli.js';
import { useTempDir } from '../support/temp-dir.js';
import { type SweepJson, countRows, fingerprints, singleReplayFingerprints, sweepFiles } from './sweep-fixture.js';

describe('trade-engine sweep (worker threads)', () => {
  const tmp = useTempDir();

  it('gives the same fingerprint per combination with 1 and 2 worker threads as single replays, and a re-run recomputes nothing', async () => {
    const dir = tmp();
    const { dbs: [one, two], grid } = await sweepFiles(dir, 2);
    const run = async (db: string, workers: string): Promise<SweepJson> => {
      const r = await cliAsync(['sweep', '--db', db, '--grid', grid, '--workers', workers, '--json'], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as SweepJson;
    };
    const a = await run(one!, '1');
    const b = await run(two!, '2');
    expect(a.combinations).toBe(4);
    expect(a.ran).toBe(4);
    expect(b.ran).toBe(4);
    expect(b.sweepId).toBe(a.sweepId);
    expect(fingerprints(b)).toEqual(fingerprints(a));
    expect(fingerprints(a)).toEqual(await singleReplayFingerprints(one!, a));
    expect(new Set(Object.values(fingerprints(a))).size, 'the swept params change the runs').toBeGreaterThan(1);
    const byReturn = a.ranking.map((x) => x.metrics.total_return ?? 0);
    expect(byReturn).toEqual([...byReturn].sort((x, y) => y - x));

    expect(await countRows(one!, `SELECT count(*) FROM sweep_runs WHERE sweep_id = '${a.sweepId}' AND phase = 'full'`)).toBe(4);
    expect(await countRows(one!, `SELECT count(*) FROM backtest_runs b JOIN sweep_runs s USING (run_id)`)).toBe(4);
    expect(await countRows(one!, `SELECT count(DISTINCT backtest_run_id) FROM scanner_performance`)).toBe(4);

    const again = await run(two!, '2');
    expect(again).toMatchObject({ ran: 0, reused: 4 });
    expect(fingerprints(again)).toEqual(fingerprints(b));
    expect(await countRows(two!, 'SELECT count(*) FROM backtest_runs')).toBe(4);
  }, 180_000);

  it('walks forward: trains every combination per fold, tests the best on the next window, reports both apart', async () => {
    const dir = tmp();
    const { dbs: [db], grid } = await sweepFiles(dir, 1);
    const r = await cliAsync(['sweep', '--db', db!, '--grid', grid, '--workers', '2', '--walk-forward', 'train=2,test=1', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as SweepJson;
    expect(out.ran).toBe(2 * 4 + 2);
    expect(out.walkForward?.folds.map((f) => f.index)).toEqual([0, 1]);
    expect(out.walkForward?.inSample.folds).toBe(2);
    expect(out.walkForward?.outOfSample.folds).toBe(2);
    expect(await countRows(db!, `SELECT count(*) FROM sweep_runs WHERE phase = 'train'`)).toBe(8);
    expect(await countRows(db!, `SELECT count(*) FROM sweep_runs WHERE phase = 'test'`)).toBe(2);
    const text = await cliAsync(['sweep', '--db', db!, '--grid', grid, '--walk-forward', 'train=2,test=1'], dir);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/0 replays run, 10 reused/);
    expect(text.stdout).toMatch(/in-sample\s/);
    expect(text.stdout).toMatch(/out-of-sample\s/);
  }, 180_000);

  it('refuses a bad grid key with its path before running anything', async () => {
    const dir = tmp();
    const { dbs: [db] } = await sweepFiles(dir, 1);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'scanners.ema-crossover.params.fastt: [5, 8]\n');
    const r = await cliAsync(['sweep', '--db', db!, '--grid', bad], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scanners\.ema-crossover\.params.*fastt/s);
    expect(r.stderr).toMatch(/SWEEP_COMBINATION_INVALID/);
    expect(await countRows(db!, 'SELECT count(*) FROM sweep_runs')).toBe(0);
  });
});
