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
