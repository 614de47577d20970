import { join } from 'node:path';
import { runReplay, type ReplayOutcome } from '../../src/app/compose-replay.js';
import { loadEngineConfig } from '../../src/app/commands/engine-config.js';
import { type EngineConfig, parseConfig } from '../../src/config/index.js';
import { scannerRegistry } from '../../src/scanners/index.js';
import { DuckDbStore, generateBars } from '../../src/store/index.js';

/** A generated market-data file: `symbols` × `days` sessions from 2025-01-06, seed 7. */
export const generatedDb = async (dir: string, symbols = 8, days = 4): Promise<string> => {
  const path = join(dir, 'market.duckdb');
  const s = await DuckDbStore.open(path);
  await generateBars(s, { symbols, days, seed: 7, startDate: '2025-01-06' });
  s.close();
  return path;
};

export const defaultConfig = (): Readonly<EngineConfig> => loadEngineConfig();

/** The default config with changes applied (validated like a file). */
export const configWith = (edit: (raw: Record<string, any>) => void): Readonly<EngineConfig> => {
  const raw = structuredClone(defaultConfig()) as Record<string, any>;
  edit(raw);
  return parseConfig(raw, scannerRegistry, 'test');
};

let runs = 0;
export const replay = async (db: string, config = defaultConfig(), write = true): Promise<ReplayOutcome> => {
  const store = await DuckDbStore.open(db);
  try {
    return await runReplay({ store, config, range: {}, runId: `test-run-${++runs}`, writeResults: write, wallSeconds: () => 0 });
  } finally {
    store.close();
  }
};

export interface StoredSignal {
  readonly id: string;
  readonly scanner: string;
  readonly side: string;
  readonly entry: number;
  readonly target: number;
  readonly stop: number;
  readonly confidence: number;
  readonly atMs: number;
}

/** A run's scanner_signals rows in journal order, with the run-independent signal id. */
export const storedSignals = async (db: string, runId: string): Promise<StoredSignal[]> => {
  const s = await DuckDbStore.open(db, { readOnly: true });
  try {
    const rows = (await s.connection.runAndReadAll(`SELECT split_part(signal_id, '/', 2), scanner_name, signal_type, entry_price::DOUBLE, target_price::DOUBLE,
        stop_loss::DOUBLE, confidence_score::DOUBLE, epoch_ms(timestamp)::DOUBLE FROM scanner_signals WHERE backtest_run_id = $1 ORDER BY rowid`, [runId])).getRows();
    return rows.map(([id, scanner, side, entry, target, stop, confidence, atMs]) => ({
      id: String(id), scanner: String(scanner), side: String(side), entry: Number(entry), target: Number(target), stop: Number(stop),
      confidence: Number(confidence), atMs: Number(atMs),
    }));
  } finally {
    s.close();
  }
};
