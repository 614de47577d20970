import type { ReportData } from './report-data.js';
import { formatRupees } from './format.js';
import { type Column, sortableTable } from './html-table.js';

type ScannerRow = ReportData['scanners'][number] & { readonly trades: number; readonly netPaise: number; readonly chargesPaise: number };


const COLUMNS: readonly Column<ScannerRow>[] = [
  { label: 'scanner_name', cell: (s) => s.scanner },
  { label: 'total_signals', num: true, cell: (s) => s.totalSignals },
  { label: 'profitable_signals', num: true, cell: (s) => s.profitableSignals },
  { label: 'win_rate %', num: true, cell: (s) => s.winRatePct.toFixed(2) },
  { label: 'avg_profit ₹', num: true, signed: true, cell: (s) => formatRupees(s.avgProfitPaise) },
  { label: 'avg_loss ₹', num: true, signed: true, cell: (s) => formatRupees(s.avgLossPaise) },
  { label: 'profit_factor', num: true, title: 'gross profit / gross loss; - when there were no losses', cell: (s) => (s.profitFactor === null ? '-' : s.profitFactor.toFixed(2)) },
  { label: 'max_consecutive_losses', num: true, cell: (s) => s.maxConsecutiveLosses },
  { label: 'trades', num: true, cell: (s) => s.trades },
  { label: 'charges ₹', num: true, cell: (s) => formatRupees(s.chargesPaise) },
  { label: 'net P&L ₹', num: true, signed: true, cell: (s) => formatRupees(s.netPaise) },
];

/** The run's scanner_performance rows with each scanner's trades and net P&L. */
export const scannersSection = (d: ReportData): string => {
  const rows = d.scanners.map((s) => {
    const mine = d.trades.filter((t) => t.scanner === s.scanner);
    return { ...s, trades: mine.length, netPaise: mine.reduce((n, t) => n + t.netPnlPaise, 0), chargesPaise: mine.reduce((n, t) => n + t.chargesPaise, 0) };
  });
  return `<section class="panel wide"><h2>Scanner performance</h2><div class="scroll">${sortableTable('scanner-table', COLUMNS, rows)}</div></section>`;
};
