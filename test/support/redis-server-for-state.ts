import { spawn } from 'node:child_process';
import { type RedisServer, ping, redisServerBinary } from './redis-server.js';

/**
 * What the state tests need beyond test/support/redis-server.ts: SIGKILL a server by PID, then start a new one on
 * the SAME port (a Redis outage and its return, as the store's client sees it).
 */
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGKILLs the server's PID and waits until the process is gone and the port refuses connections. */
export const killRedis = async (server: RedisServer): Promise<void> => {
  if (alive(server.pid)) process.kill(server.pid, 'SIGKILL');
  for (let i = 0; i < 200 && (alive(server.pid) || (await ping(server.port))); i++) await new Promise((r) => setTimeout(r, 10));
};

/** A fresh, empty redis-server on `port` (the port of one that was killed), stopped by PID. */
export const restartRedisOnPort = async (port: number): Promise<RedisServer> => {
  const bin = redisServerBinary();
  if (bin === undefined) throw new Error('redis-server not found');
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const pid = child.pid;
  if (pid === undefined) throw new Error('redis-server did not spawn');
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  for (let i = 0; i < 200; i++) {
    if (await ping(port)) {
      return {
        url: `redis://127.0.0.1:${port}`, port, pid,
        stop: async () => {
          if (!alive(pid)) return;
          process.kill(pid, 'SIGTERM');
          await exited;
        },
      };
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  throw new Error(`redis-server did not restart on port ${port}`);
};
