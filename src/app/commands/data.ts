import type { Command } from 'commander';
import { DuckDbStore, generateBars, qualityReport, symbolSummary } from '../../store/index.js';
import { loadHolidays } from './holidays.js';
import { dateOption, intOption } from './options.js';
import { printTable } from './print-table.js';

export const registerDataCommands = (program: Command): void => {
  const data = program.command('data').description('sample data and what the database holds');
  data.command('generate')
    .description('write deterministic, realistic NSE 1-minute bars (09:15-15:29 IST, weekdays minus holidays)')
    .requiredOption('--db <file>', 'DuckDB file (created when missing)')
    .option('--symbols <n>', 'number of symbols', intOption('--symbols', 1), 50)
    .option('--days <n>', 'trading sessions to generate', intOption('--days', 1), 30)
    .option('--seed <n>', 'random seed; the same seed gives identical rows', intOption('--seed', 0), 42)
    .option('--start <date>', 'first calendar date (IST)', dateOption, '2025-01-01')
    .option('--holidays <file>', 'NSE holiday file (default config/nse-holidays.json)')
    .action(async (o: { db: string; symbols: number; days: number; seed: number; start: string; holidays?: string }) => {
      const store = await DuckDbStore.open(o.db);
      try {
        const r = await generateBars(store, { symbols: o.symbols, days: o.days, seed: o.seed, startDate: o.start, holidays: loadHolidays(o.holidays) });
        process.stdout.write(`generated ${r.inserted} bars (${r.duplicates} already present) for ${r.symbols.length} symbols, ${r.fromDate} to ${r.toDate} into ${o.db}\n`);
      } finally {
        store.close();
      }
    });
  data.command('symbols')
    .description('list the symbols in the database with their date range and bar counts')
    .requiredOption('--db <file>', 'DuckDB file')
    .option('--from <date>', 'first trading date', dateOption)
    .option('--to <date>', 'last trading date', dateOption)
    .action(async (o: { db: string; from?: string; to?: string }) => {
      const store = await DuckDbStore.open(o.db, { readOnly: true });
      try {
        printTable(await symbolSummary(store.connection, { from: o.from, to: o.to }));
      } finally {
        store.close();
      }
    });
  data.command('quality')
    .description('data-quality metrics per symbol and date')
    .requiredOption('--db <file>', 'DuckDB file')
    .option('--symbol <s>', 'one symbol')
    .option('--from <date>', 'first trading date', dateOption)
    .option('--to <date>', 'last trading date', dateOption)
    .action(async (o: { db: string; symbol?: string; from?: string; to?: string }) => {
      const store = await DuckDbStore.open(o.db, { readOnly: true });
      try {
        printTable(await qualityReport(store.connection, { symbol: o.symbol, from: o.from, to: o.to }));
      } finally {
        store.close();
      }
    });
};
