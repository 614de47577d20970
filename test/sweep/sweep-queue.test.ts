import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliAsync } from '../support/cli.js';
import { type RedisServer, redisTestsEnabled, startRedisServer } from '../support/redis-server.js';
import { useTempDir } from '../support/temp-dir.js';
import { type SweepJson, countRows, fingerprints, singleReplayFingerprints, sweepFiles } from './sweep-fixture.js';

const bin = join(import.meta.dirname, '..', '..', 'dist', 'app', 'main.js');
const redisOk = redisTestsEnabled('sweep through a BullMQ queue');

interface WorkerProc {
  readonly child: ChildProcess;
  log: string;
  readonly exited: Promise<void>;
}

const startWorker = (url: string, db: string, cwd: string): WorkerProc => {
  const child = spawn(process.execPath, [bin, 'worker', '--queue', url, '--db', db, '--lock-ms', '1500', '--stalled-ms', '500'], { cwd });
  const w: WorkerProc = { child, log: '', exited: new Promise((resolve) => child.once('exit', () => resolve())) };
  child.stderr?.on('data', (d: Buffer) => (w.log += d.toString()));
  child.stdout?.on('data', (d: Buffer) => (w.log += d.toString()));
  return w;
};

const waitFor = async (what: string, ok: () => boolean, ms = 30_000): Promise<void> => {
  for (let t = 0; t < ms; t += 20) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const startedJobs = (log: string): string[] => [...log.matchAll(/job (\S+) started/g)].map((m) => m[1] ?? '');

describe.skipIf(!redisOk)('trade-engine sweep --queue with trade-engine worker (BullMQ)', () => {
  const tmp = useTempDir();
  let redis: RedisServer;
  const workers: WorkerProc[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null && w.child.pid !== undefined) process.kill(w.child.pid, 'SIGKILL');
    await redis?.stop();
  });

  it('gives single-replay fingerprints with two workers, one SIGKILLed mid-job, and a re-run recomputes nothing', async () => {
    const dir = tmp();
    const { dbs: [db, untouched], grid } = await sweepFiles(dir, 2);
    const fresh = join(dir, 'fresh.duckdb');
    copyFileSync(untouched!, fresh);
    const a = startWorker(redis.url, db!, dir);
    const b = startWorker(redis.url, db!, dir);
    workers.push(a, b);
    await waitFor('both workers ready', () => a.log.includes('ready on') && b.log.includes('ready on'));

    const sweep = cliAsync(['sweep', '--db', db!, '--grid', grid, '--queue', redis.url, '--json'], dir);
    await waitFor('a worker to start a job', () => startedJobs(a.log).length + startedJobs(b.log).length > 0);
    const [victim, survivor] = startedJobs(a.log).length > 0 ? [a, b] : [b, a];
    const killedJob = startedJobs(victim.log)[0];
    process.kill(victim.child.pid!, 'SIGKILL');
    await victim.exited;
    expect(victim.log, 'killed before it finished its job').not.toMatch(/completed/);

    const r = await sweep;
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as SweepJson;
    expect(out).toMatchObject({ combinations: 4, ran: 4, reused: 0, failures: [] });
    expect(startedJobs(survivor.log), 'the stalled job was retried on the other worker').toContain(killedJob);
    expect(fingerprints(out)).toEqual(await singleReplayFingerprints(untouched!, out));
    expect(await countRows(db!, `SELECT count(*) FROM sweep_runs WHERE sweep_id = '${out.sweepId}'`)).toBe(4);
    expect(await countRows(db!, 'SELECT count(*) FROM backtest_runs')).toBe(4);
    expect(await countRows(db!, 'SELECT count(DISTINCT backtest_run_id) FROM scanner_performance')).toBe(4);

    // Re-run against the same file: every run is already recorded.
    const again = await cliAsync(['sweep', '--db', db!, '--grid', grid, '--queue', redis.url, '--json'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ ran: 0, reused: 4 });
    // Re-run against a copy of the same data without results: the finished jobs' results come from Redis, no worker recomputes.
    const jobsBefore = startedJobs(survivor.log).length;
    const copy = await cliAsync(['sweep', '--db', fresh, '--grid', grid, '--queue', redis.url, '--json'], dir);
    expect(copy.code, copy.stderr).toBe(0);
    const copied = JSON.parse(copy.stdout) as SweepJson;
    expect(copied.sweepId).toBe(out.sweepId);
    expect(fingerprints(copied)).toEqual(fingerprints(out));
    expect(startedJobs(survivor.log).length).toBe(jobsBefore);
    expect(await countRows(fresh, 'SELECT count(*) FROM sweep_runs')).toBe(4);

    process.kill(survivor.child.pid!, 'SIGTERM');
    await survivor.exited;
    expect(survivor.child.exitCode).toBe(0);
  }, 180_000);
});
