import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DuckDbStore } from '../../src/store/index.js';
import type { DhanSim } from '../../src/sim/index.js';
import { cliAsync } from '../support/cli.js';
import { startTestSim, until } from '../support/sim-harness.js';
import { type Daemon, startDaemon } from '../support/daemon.js';
import { useTempDir } from '../support/temp-dir.js';

const CONTROL = 'svc-control-token';


const counters = async (base: string, name: string, label: string): Promise<Map<string, number>> => {
  const text = await (await fetch(`${base}/metrics`)).text();
  const out = new Map<string, number>();
  for (const m of text.matchAll(new RegExp(`^${name}\\{${label}="([^"]+)"\\} (\\d+)`, 'gm'))) out.set(m[1] ?? '', Number(m[2]));
  return out;
};
const total = (m: Map<string, number>, except?: string) => [...m].filter(([k]) => k !== except).reduce((a, [, v]) => a + v, 0);

describe('the daemon as a service: live config edits, control endpoint, clean stop', () => {
  const tmp = useTempDir();
  let sim: DhanSim | undefined;
  let daemon: Daemon | undefined;
  afterEach(async () => {
    daemon?.child.kill('SIGKILL');
    await sim?.close();
    sim = daemon = undefined;
  });

  it('switches a scanner off on a config edit, refuses a broken edit, takes scanner commands, and stops cleanly on SIGTERM', async () => {
    const dir = tmp();
    sim = await startTestSim({ symbols: 30, speed: 240, pingIntervalMs: 10_000, pongTimeoutMs: 40_000 });
    const defaults = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'config', 'default.json'), 'utf8')) as Record<string, unknown>;
    const cfg = { ...defaults, feed: { instruments: sim.instruments.map(({ symbol, securityId }) => ({ symbol, securityId })), graceMs: 300 } } as Record<string, any>;
    const file = join(dir, 'live.yaml');
    writeFileSync(file, stringify(cfg));
    const env = { DHAN_CLIENT_ID: '1', DHAN_ACCESS_TOKEN: 'svc-access-token', DHAN_FEED_URL: sim.feedUrl, TRADE_ENGINE_CONTROL_TOKEN: CONTROL };
    daemon = startDaemon(dir, ['live', '--paper', '--config', 'live.yaml', '--db', 'live.duckdb', '--http-port', '0'], env);
    const d = daemon;
    await until(() => d.base() !== '', 15_000, 'the HTTP endpoint');
    const base = d.base();
    await until(async () => (await counters(base, 'trade_engine_scanner_signals_total', 'scanner')).size >= 3, 30_000, 'signals from three scanners');
    const before = await counters(base, 'trade_engine_scanner_signals_total', 'scanner');
    const off = [...before].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';

    cfg.scanners[off].enabled = false;
    writeFileSync(file, stringify(cfg));
    await until(() => d.lines.some((l) => l.includes('"config applied live"')), 10_000, 'the edit applied');
    const atEdit = await counters(base, 'trade_engine_scanner_signals_total', 'scanner');
    await until(async () => total(await counters(base, 'trade_engine_scanner_signals_total', 'scanner'), off) >= total(atEdit, off) + 5, 30_000, 'the others continue');
    expect((await counters(base, 'trade_engine_scanner_signals_total', 'scanner')).get(off), `${off} stopped`).toBe(atEdit.get(off));

    writeFileSync(file, 'scanners: [this is not: valid');
    await until(() => d.lines.some((l) => l.includes('config edit refused')), 10_000, 'the broken edit refused');
    const ctl = { TRADE_ENGINE_CONTROL_TOKEN: CONTROL };
    const list = JSON.parse((await cliAsync(['scanners', 'list', '--url', base], dir, ctl)).stdout) as { id: string; enabled: boolean; signalsToday: number }[];
    expect(list.find((s) => s.id === off)?.enabled).toBe(false);
    expect(list.filter((s) => s.enabled).length).toBe(5);

    const bad = await cliAsync(['scanners', 'set', 'ema-crossover', 'fast=-3', '--url', base], dir, ctl);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('scanners.ema-crossover.params.fast');
    const on = await cliAsync(['scanners', 'enable', off, '--url', base], dir, ctl);
    expect(JSON.parse(on.stdout)).toMatchObject({ id: off, enabled: true });
    const polled = JSON.parse((await cliAsync(['scanners', 'signals', '--since', '0', '--url', base], dir, ctl)).stdout) as { signals: { signal: { id: string } }[]; cursor: number };
    expect(polled.signals.length).toBeGreaterThan(0);
    const first = polled.signals[0]?.signal.id ?? '';
    expect(JSON.parse((await cliAsync(['scanners', 'ack', first, '--url', base], dir, ctl)).stdout)).toEqual({ acked: [first] });

    d.child.kill('SIGTERM');
    expect(await d.exited).toBe(0);
    expect(d.lines.some((l) => l.includes('working entry orders cancelled'))).toBe(true);
    const stopped = JSON.parse(d.lines.find((l) => l.includes('"live session stopped"')) ?? '{}') as { runId: string; orders: number; signals: number };
    expect(stopped.signals).toBeGreaterThan(0);
    const store = await DuckDbStore.open(join(dir, 'live.duckdb'), { readOnly: true });
    const rows = (await store.connection.runAndReadAll('SELECT count(*)::INTEGER FROM journal_orders WHERE run_id = $1', [stopped.runId])).getRows();
    const sigs = (await store.connection.runAndReadAll('SELECT count(*)::INTEGER FROM scanner_signals WHERE backtest_run_id = $1', [stopped.runId])).getRows();
    store.close();
    expect(rows[0]?.[0], 'every order journaled before exit').toBe(stopped.orders);
    expect(sigs[0]?.[0], 'every signal journaled before exit').toBe(stopped.signals);
    expect(d.lines.join('\n')).not.toContain('svc-access-token');
  }, 120_000);
});
