import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LiveClock } from '../src/core/index.js';
import { simDefaults, startDhanSim } from '../src/sim/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Peak RSS of a live paper session with `symbols` instruments over a whole simulated session (09:15-15:30 at
 * `speed`x, one trade per instrument every 5 exchange seconds, 60% of them trading), measured from
 * /proc/<pid>/status (VmHWM) of the real `trade-engine live --paper` process. `nodeFlags` are the daemon's node
 * options (the systemd unit runs it with --optimize-for-size --max-semi-space-size=4 --heap-growing-percent=20).
 */
export async function benchLiveRss(symbols = 1000, speed = 1500, nodeFlags: readonly string[] = []): Promise<{ peakRssMb: number; bars: number; ticks: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'trade-engine-rss-'));
  const clock = new LiveClock();
  const sim = await startDhanSim({ ...simDefaults(clock), symbols, speed, roundMs: 5000, startMs: Date.UTC(2025, 0, 6, 3, 45) });
  try {
    const defaults = JSON.parse(readFileSync(join(root, 'config', 'default.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'live.json'), JSON.stringify({ ...defaults, feed: { instruments: sim.instruments.map(({ symbol, securityId }) => ({ symbol, securityId })) } }));
    const seconds = Math.ceil((375 * 60) / speed) + 2;
    const child = spawn(process.execPath, [...nodeFlags, join(root, 'dist', 'app', 'main.js'), 'live', '--paper', '--config', 'live.json', '--db', 'live.duckdb', '--http-port', '0', '--duration', String(seconds)], {
      cwd: dir, env: { ...process.env, DHAN_CLIENT_ID: '1', DHAN_ACCESS_TOKEN: 'bench-token', DHAN_FEED_URL: sim.feedUrl },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    let peakKb = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m?.[1]) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // the process has exited
      }
    }, 200);
    await new Promise((r) => child.on('exit', r));
    clearInterval(poll);
    const stopped = JSON.parse(out.split('\n').find((l) => l.includes('"live session stopped"')) ?? '{}') as { bars?: number; ticks?: number };
    return { peakRssMb: peakKb / 1024, bars: stopped.bars ?? 0, ticks: stopped.ticks ?? 0 };
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
