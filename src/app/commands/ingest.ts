import type { Command } from 'commander';
import { DuckDbStore, ingestFiles } from '../../store/index.js';
import { printTable } from './print-table.js';

export const registerIngestCommand = (program: Command): void => {
  program.command('ingest')
    .description('load CSV or Parquet bars with data-quality checks; invalid rows go to ingest_rejects with a reason')
    .argument('<files...>', 'CSV (.csv, .csv.gz) or Parquet files')
    .requiredOption('--db <file>', 'DuckDB file (created when missing)')
    .option('--tz <zone>', 'time zone of timestamps without an offset', 'Asia/Kolkata')
    .action(async (files: string[], o: { db: string; tz: string }) => {
      const store = await DuckDbStore.open(o.db);
      try {
        const r = await ingestFiles(store, files, { tz: o.tz });
        printTable(r.files.map((f) => ({ file: f.file, rows: f.rows, accepted: f.accepted, duplicate: f.duplicates, rejected: f.rejected })));
        const reasons = Object.entries(r.totals.rejectedByReason).sort(([a], [b]) => (a < b ? -1 : 1));
        if (reasons.length > 0) {
          process.stdout.write('\nrejected by reason:\n');
          printTable(reasons.map(([reason, count]) => ({ reason, count })));
        }
        process.stdout.write(`\ntotal: ${r.totals.accepted} accepted, ${r.totals.duplicates} duplicate, ${r.totals.rejected} rejected (ingest ${r.ingestId})\n`);
      } finally {
        store.close();
      }
    });
};
