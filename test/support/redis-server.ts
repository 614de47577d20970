import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { connect, createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/**
 * A private redis-server for one test file: its own free port (never 6379), no persistence, stopped by PID.
 *
 *   const redisOk = redisTestsEnabled('queue sweep');        // at module level
 *   describe.skipIf(!redisOk)('…', () => { let r: RedisServer; beforeAll(async () => { r = await startRedisServer(); }); afterAll(() => r.stop()); … })
 *
 * Without a redis-server binary (PATH, or REDIS_SERVER_BIN) the tests are skipped with a loud warning, except under
 * CI=true, where they run and fail at startRedisServer.
 */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}

export const redisServerBinary = (): string | undefined => {
  const candidates = process.env.REDIS_SERVER_BIN ? [process.env.REDIS_SERVER_BIN] : (process.env.PATH ?? '').split(delimiter).filter((d) => d.length > 0).map((d) => join(d, 'redis-server'));
  return candidates.find((p) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
};

/** Whether tests needing redis-server should run (see above). Call at module level. */
export const redisTestsEnabled = (what: string): boolean => {
  if (redisServerBinary() !== undefined || process.env.CI === 'true') return true;
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! SKIPPED: ${what}: no redis-server binary on PATH (apt-get install redis-server, or set REDIS_SERVER_BIN).\n!! Under CI=true this is a failure.\n${bar}\n`);
  return false;
};

const freePort = (): Promise<number> => new Promise((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const a = s.address();
    const port = typeof a === 'object' && a !== null ? a.port : 0;
    s.close(() => resolve(port));
  });
});

/** Whether a Redis answers PING on 127.0.0.1:`port`. */
export const ping = (port: number): Promise<boolean> => new Promise((resolve) => {
  const c = connect(port, '127.0.0.1');
  c.setTimeout(500);
  let got = '';
  c.on('connect', () => c.write('PING\r\n'));
  c.on('data', (d) => {
    got += d.toString();
    if (got.includes('\r\n')) {
      c.destroy();
      resolve(got.startsWith('+PONG'));
    }
  });
  c.on('error', () => resolve(false));
  c.on('timeout', () => {
    c.destroy();
    resolve(false);
  });
});

const exited = (child: ChildProcess, ms: number): Promise<boolean> => new Promise((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
  const t = setTimeout(() => resolve(false), ms);
  child.once('exit', () => {
    clearTimeout(t);
    resolve(true);
  });
});

export const startRedisServer = async (): Promise<RedisServer> => {
  const bin = redisServerBinary();
  if (bin === undefined) throw new Error('redis-server not found on PATH (or REDIS_SERVER_BIN); CI=true requires it');
  for (let attempt = 0; attempt < 5; attempt++) {
    let port = await freePort();
    while (port === 6379) port = await freePort();
    const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    const pid = child.pid;
    for (let i = 0; i < 100 && child.exitCode === null; i++) {
      if (await ping(port)) {
        if (pid === undefined) break;
        return {
          url: `redis://127.0.0.1:${port}`, port, pid,
          stop: async () => {
            try {
              process.kill(pid, 'SIGTERM');
            } catch {
              return;
            }
            if (!(await exited(child, 5000))) process.kill(pid, 'SIGKILL');
          },
        };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    if (pid !== undefined && child.exitCode === null) process.kill(pid, 'SIGKILL');
    if (attempt === 4) throw new Error(`redis-server did not start on port ${port}:\n${log}`);
  }
  throw new Error('unreachable');
};
