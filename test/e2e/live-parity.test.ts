import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DuckDbStore } from '../../src/store/index.js';
import type { DhanSim } from '../../src/sim/index.js';
import { cli, cliAsync } from '../support/cli.js';
import { startTestSim } from '../support/sim-harness.js';
import { useTempDir } from '../support/temp-dir.js';

type SignalRow = [string, string, string, string, string, string, string];

const signalsOf = async (db: string, runId: string): Promise<SignalRow[]> => {
  const store = await DuckDbStore.open(db, { readOnly: true });
  try {
    const r = await store.connection.runAndReadAll(
      `SELECT split_part(signal_id, '/', 2), signal_type, entry_price::VARCHAR, target_price::VARCHAR, stop_loss::VARCHAR, confidence_score::VARCHAR, timestamp::VARCHAR
       FROM scanner_signals WHERE backtest_run_id = $1 ORDER BY timestamp, signal_id`, [runId]);
    return r.getRows().map((row) => row.map(String) as SignalRow);
  } finally {
    store.close();
  }
};

describe('live paper session against the simulator, then replay of what it recorded', () => {
  const tmp = useTempDir();
  let sim: DhanSim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('records its bars, and a replay of them gives exactly the same signals', async () => {
    const dir = tmp();
    sim = await startTestSim({ symbols: 12, speed: 900, pingIntervalMs: 10_000, pongTimeoutMs: 40_000 });
    writeFileSync(join(dir, 'instruments.json'), JSON.stringify(sim.instruments.map(({ symbol, securityId }) => ({ symbol, securityId }))));
    const defaults = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'config', 'default.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'live.json'), JSON.stringify({ ...defaults, feed: { instrumentsFile: join(dir, 'instruments.json'), graceMs: 500 } }));
    const live = await cliAsync(['live', '--paper', '--config', 'live.json', '--db', 'live.duckdb', '--duration', '14'], dir, {
      DHAN_CLIENT_ID: '1100000001', DHAN_ACCESS_TOKEN: 'parity-token-XYZ', DHAN_FEED_URL: sim.feedUrl,
    });
    expect(live.code, live.stderr + live.stdout.slice(-2000)).toBe(0);
    expect(live.stdout).not.toContain('parity-token-XYZ');
    const stopLine = live.stdout.split('\n').find((l) => l.includes('"live session stopped"'));
    const summary = JSON.parse(stopLine ?? '{}') as { runId: string; bars: number; barsRecorded: number; signals: number };
    expect(summary.bars).toBeGreaterThan(12 * 100);
    expect(summary.barsRecorded).toBe(summary.bars);
    expect(summary.signals).toBeGreaterThan(0);

    const replay = cli(['replay', '--db', 'live.duckdb', '--config', 'live.json', '--json'], dir);
    expect(replay.code, replay.stderr).toBe(0);
    const out = JSON.parse(replay.stdout) as { run_id: string; bars: number };
    expect(out.bars).toBe(summary.bars);
    const liveSignals = await signalsOf(join(dir, 'live.duckdb'), summary.runId);
    const replaySignals = await signalsOf(join(dir, 'live.duckdb'), out.run_id);
    expect(liveSignals).toHaveLength(summary.signals);
    expect(replaySignals).toEqual(liveSignals);
  }, 90_000);
});
