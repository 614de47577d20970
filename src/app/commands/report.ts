import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadChartLibrary, renderReport } from '../../report/index.js';
import { DuckDbStore, readRunReport } from '../../store/index.js';

export interface ReportFileRequest {
  readonly db: string;
  readonly runId: string;
  readonly out: string;
  readonly symbol?: string;
}

/** Reads a run from the database and writes its self-contained HTML report; returns a one-line summary. */
export const writeReportFile = async (r: ReportFileRequest): Promise<string> => {
  const store = await DuckDbStore.open(r.db, { readOnly: true });
  let html: string;
  try {
    const data = await readRunReport(store, r.runId, { symbol: r.symbol });
    html = renderReport(data, { chartLibrary: loadChartLibrary() });
  } finally {
    store.close();
  }
  writeFileSync(r.out, html);
  return `wrote ${r.out} (${Math.ceil(Buffer.byteLength(html) / 1024)} KiB) for run ${r.runId}`;
};

export const registerReportCommand = (program: Command): void => {
  program.command('report')
    .description('write one self-contained HTML report of a backtest run (charts and tables; opens offline in a browser)')
    .argument('<run-id>', 'the run_id printed by replay')
    .requiredOption('--db <file>', 'DuckDB file the replay wrote its results to')
    .requiredOption('--out <file>', 'HTML file to write')
    .option('--symbol <symbol>', 'symbol of the price chart (default: the symbol with the most trades)')
    .action(async (runId: string, o: { db: string; out: string; symbol?: string }) => {
      process.stdout.write(`${await writeReportFile({ db: o.db, runId, out: o.out, symbol: o.symbol })}\n`);
    });
};
