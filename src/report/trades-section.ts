import type { ReportTradeRow } from './report-data.js';
import { formatCount, formatIst, formatRupees } from './format.js';
import { type Column, pagedTable } from './html-table.js';

const money = (paise: number): string => formatRupees(paise);

const COLUMNS: readonly Column<ReportTradeRow>[] = [
  { label: '#', num: true, cell: (t) => t.tradeNo },
  { label: 'scanner', cell: (t) => t.scanner },
  { label: 'symbol', cell: (t) => t.symbol },
  { label: 'side', cell: (t) => t.side },
  { label: 'qty', num: true, cell: (t) => t.qty },
  { label: 'entry (IST)', cell: (t) => formatIst(t.entryMs) },
  { label: 'entry ₹', num: true, cell: (t) => money(t.entryPricePaise) },
  { label: 'exit (IST)', cell: (t) => formatIst(t.exitMs) },
  { label: 'exit ₹', num: true, cell: (t) => money(t.exitPricePaise) },
  { label: 'exit reason', cell: (t) => t.exitReason },
  { label: 'gross ₹', num: true, signed: true, cell: (t) => money(t.grossPnlPaise) },
  { label: 'brokerage', num: true, cell: (t) => money(t.brokeragePaise) },
  { label: 'STT', num: true, cell: (t) => money(t.sttPaise) },
  { label: 'exch. txn', num: true, cell: (t) => money(t.exchangeTxnPaise) },
  { label: 'SEBI', num: true, cell: (t) => money(t.sebiFeePaise) },
  { label: 'stamp', num: true, cell: (t) => money(t.stampDutyPaise) },
  { label: 'GST', num: true, cell: (t) => money(t.gstPaise) },
  { label: 'charges ₹', num: true, cell: (t) => money(t.chargesPaise) },
  { label: 'net ₹', num: true, signed: true, cell: (t) => money(t.netPnlPaise) },
];

/** Every round trip with its itemised charges (up to `maxRows`), `pageSize` rows a page, sortable as a whole. */
export const tradesSection = (trades: readonly ReportTradeRow[], o: { readonly maxRows: number; readonly pageSize: number }): string => {
  const listed = trades.slice(0, o.maxRows);
  const note = trades.length > listed.length
    ? `<p class="note">Listing the first ${formatCount(listed.length)} of ${formatCount(trades.length)} trades; all are in the backtest_trades table. Click a column header to sort.</p>`
    : `<p class="note">${formatCount(trades.length)} trades, ${formatCount(o.pageSize)} a page. Click a column header to sort them all.</p>`;
  const body = trades.length === 0 ? '<p class="note">No trades in this run.</p>' : `${note}${pagedTable('trade-table', COLUMNS, listed, o.pageSize)}`;
  return `<section class="panel wide"><h2>Trades</h2>${body}</section>`;
};
