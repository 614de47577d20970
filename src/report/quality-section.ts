import type { ReportData } from './report-data.js';
import { formatCount } from './format.js';
import { type Column, sortableTable } from './html-table.js';

type QualityRow = ReportData['quality']['rows'][number];

const COLUMNS: readonly Column<QualityRow>[] = [
  { label: 'symbol', cell: (q) => q.symbol },
  { label: 'days', num: true, cell: (q) => q.days },
  { label: 'records', title: 'total_records', num: true, cell: (q) => q.totalRecords },
  { label: 'valid', title: 'valid_records', num: true, cell: (q) => q.validRecords },
  { label: 'missing %', title: 'average missing_data_pct', num: true, cell: (q) => q.avgMissingPct.toFixed(2) },
  { label: 'outliers', title: 'outlier_count', num: true, cell: (q) => q.outliers },
  { label: 'avg score', num: true, cell: (q) => ({ text: q.avgScore.toFixed(2), cls: q.avgScore < 0.9 ? 'neg' : '' }) },
  { label: 'min score', num: true, cell: (q) => ({ text: q.minScore.toFixed(2), cls: q.minScore < 0.9 ? 'neg' : '' }) },
];

/** data_quality_metrics of the run's symbols and dates, one row per symbol. */
export const qualitySection = (d: ReportData): string => {
  const q = d.quality;
  const rows = q.rows;
  const total = rows.reduce((n, r) => n + r.totalRecords, 0);
  const valid = rows.reduce((n, r) => n + r.validRecords, 0);
  const outliers = rows.reduce((n, r) => n + r.outliers, 0);
  const scope = q.symbolsExact ? `the run's ${formatCount(rows.length)} symbols` : `${formatCount(rows.length)} symbols the run signalled on (the run used a subset of the data; its symbol list is not stored)`;
  const summary = `<p class="note">${scope}, ${d.run.fromDate} to ${d.run.toDate}: ${formatCount(valid)} valid of ${formatCount(total)} records, ${formatCount(outliers)} outliers. Scores are 0 to 1 (see docs/data-quality.md).</p>`;
  const table = rows.length === 0 ? '<p class="note">No data_quality_metrics rows for these symbols and dates.</p>' : `<div class="scroll">${sortableTable('quality-table', COLUMNS, rows)}</div>`;
  return `<section class="panel"><h2>Data quality</h2>${summary}${table}</section>`;
};
