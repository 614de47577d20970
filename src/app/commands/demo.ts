import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { DuckDbStore, generateBars } from '../../store/index.js';
import { loadHolidays } from './holidays.js';
import { printSummary, replayFromCli } from './replay.js';

export const registerDemoCommand = (program: Command): void => {
  program.command('demo')
    .description('generate sample data when there is none, then run a replay backtest with the default config')
    .option('--db <file>', 'DuckDB file', 'data/demo.duckdb')
    .action(async (o: { db: string }) => {
      if (!existsSync(o.db)) {
        mkdirSync(dirname(resolve(o.db)), { recursive: true });
        const store = await DuckDbStore.open(o.db);
        try {
          process.stderr.write(`generating sample data into ${o.db} (50 symbols, 30 sessions, seed 42)…\n`);
          await generateBars(store, { symbols: 50, days: 30, seed: 42, startDate: '2025-01-01', holidays: loadHolidays() });
        } finally {
          store.close();
        }
      }
      printSummary(await replayFromCli({ db: o.db }));
    });
};
