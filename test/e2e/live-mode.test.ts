import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DuckDbStore } from '../../src/store/index.js';
import type { DhanSim } from '../../src/sim/index.js';
import { cliAsync } from '../support/cli.js';
import { startTestSim } from '../support/sim-harness.js';
import { useTempDir } from '../support/temp-dir.js';

describe('trade-engine live in mode live against the simulated Dhan (feed, REST orders, order-update socket)', () => {
  const tmp = useTempDir();
  let sim: DhanSim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('sends real orders once each, gets their fills back, and journals both', async () => {
    const dir = tmp();
    sim = await startTestSim({ symbols: 20, speed: 600, pingIntervalMs: 10_000, pongTimeoutMs: 40_000 });
    const defaults = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'config', 'default.json'), 'utf8')) as Record<string, any>;
    defaults.risk.killSwitch.enabled = false;
    const cfg = { ...defaults, mode: 'live', feed: { instruments: sim.instruments.map(({ symbol, securityId }) => ({ symbol, securityId })), graceMs: 300 } };
    writeFileSync(join(dir, 'live.json'), JSON.stringify(cfg));
    const run = await cliAsync(['live', '--config', 'live.json', '--db', 'live.duckdb', '--http-port', '0', '--duration', '15'], dir, {
      DHAN_CLIENT_ID: '1100000001', DHAN_ACCESS_TOKEN: 'mode-live-token', DHAN_FEED_URL: sim.feedUrl, DHAN_API_URL: sim.apiUrl, DHAN_ORDER_UPDATE_URL: sim.orderUpdateUrl,
    });
    expect(run.code, run.stderr + run.stdout.slice(-3000)).toBe(0);
    expect(run.stdout).toContain('mode live: orders go to Dhan');
    expect(run.stdout).toContain('reconciled with the broker');
    expect(run.stdout).not.toContain('mode-live-token');
    const stopped = JSON.parse(run.stdout.split('\n').find((l) => l.includes('"live session stopped"')) ?? '{}') as { runId: string; orders: number; fills: number };
    expect(stopped.orders).toBeGreaterThan(0);

    const log = (await (await fetch(`${sim.controlUrl}/orders`)).json()) as { orders: { correlationId: string; orderStatus: string }[] };
    const ids = log.orders.map((o) => o.correlationId);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size, 'no order sent twice').toBe(ids.length);
    expect(ids.every((id) => id.startsWith('LV'))).toBe(true);
    expect(log.orders.some((o) => o.orderStatus === 'TRADED')).toBe(true);

    const store = await DuckDbStore.open(join(dir, 'live.duckdb'), { readOnly: true });
    const q = async (sql: string) => (await store.connection.runAndReadAll(sql, [stopped.runId])).getRows()[0]?.[0];
    const accepted = await q(`SELECT count(*)::INTEGER FROM journal_orders WHERE run_id = $1 AND outcome = 'accepted'`);
    const fills = await q('SELECT count(*)::INTEGER FROM journal_fills WHERE run_id = $1');
    store.close();
    expect(accepted, 'every order the broker holds was journaled as accepted').toBe(ids.length);
    expect(fills).toBe(stopped.fills);
    expect(stopped.fills).toBeGreaterThan(0);
  }, 60_000);
});
