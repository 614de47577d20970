import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configWith, generatedDb, replay } from '../support/replay-fixture.js';
import { DuckDbStore } from '../../src/store/index.js';

/** 2 × 2 combinations over the generated 8 symbols × 4 days. */
export const GRID = `# a small sweep
scanners.ema-crossover.params.fast: [5, 8]
risk.riskPerTradePct: [0.25, 0.5]
metric: total_return
`;

export interface SweepJson {
  sweepId: string;
  ran: number;
  reused: number;
  combinations: number;
  failures: { runId: string; error: string }[];
  ranking: { combinationId: string; runId: string; params: Record<string, number>; fingerprint: string; metrics: Record<string, number | null> }[];
  walkForward?: { folds: { index: number; best?: { combinationId: string }; test: { run?: { fingerprint: string } } }[]; inSample: { folds: number }; outOfSample: { folds: number } };
}

/** A generated market-data file, copied `n` times (so each mode writes its own results), and the grid file. */
export const sweepFiles = async (dir: string, copies: number): Promise<{ dbs: string[]; grid: string }> => {
  const src = await generatedDb(dir);
  const dbs = Array.from({ length: copies }, (_, i) => {
    const p = join(dir, `sweep-${i}.duckdb`);
    copyFileSync(src, p);
    return p;
  });
  const grid = join(dir, 'sweep.yaml');
  writeFileSync(grid, GRID);
  return { dbs, grid };
};

export const fingerprints = (r: SweepJson): Record<string, string> =>
  Object.fromEntries(r.ranking.map((x) => [x.combinationId, x.fingerprint]).sort(([a], [b]) => String(a).localeCompare(String(b))));

/** What `trade-engine replay` gives for each combination (in-process, results not written). */
export const singleReplayFingerprints = async (db: string, r: SweepJson): Promise<Record<string, string>> => {
  const out: Record<string, string> = {};
  for (const x of [...r.ranking].sort((a, b) => a.combinationId.localeCompare(b.combinationId))) {
    const config = configWith((raw) => {
      raw.scanners['ema-crossover'].params.fast = x.params['scanners.ema-crossover.params.fast'];
      raw.risk.riskPerTradePct = x.params['risk.riskPerTradePct'];
    });
    out[x.combinationId] = (await replay(db, config, false)).fingerprint;
  }
  return out;
};

export const countRows = async (db: string, sql: string): Promise<number> => {
  const s = await DuckDbStore.open(db, { readOnly: true });
  try {
    return Number((await s.connection.runAndReadAll(sql)).getRows()[0]?.[0] ?? -1);
  } finally {
    s.close();
  }
};
