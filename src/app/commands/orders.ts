import type { Command } from 'commander';
import { IST_OFFSET_MS } from '../../core/index.js';
import { type DayOrders, DuckDbStore, readDayOrders } from '../../store/index.js';
import { dateOption } from './options.js';
import { printTable } from './print-table.js';

const istClock = (ms: number): string => new Date(ms + IST_OFFSET_MS).toISOString().slice(11, 19);
const rupees = (p: number | null): string => (p === null || p === 0 ? '' : (p / 100).toFixed(2));

/** The day's orders and fills as two text tables (IST times, prices in rupees). */
export const formatDayOrders = (d: DayOrders): void => {
  if (d.date === undefined) {
    process.stdout.write('no orders in the journal\n');
    return;
  }
  process.stdout.write(`orders on ${d.date} (IST): ${d.orders.length}, fills: ${d.fills.length}\n`);
  printTable(d.orders.map((o) => ({
    time: istClock(o.atMs), client_order_id: o.clientOrderId, symbol: o.symbol, side: o.side, qty: o.qty, type: o.type, purpose: o.purpose,
    limit: rupees(o.limitPaise), trigger: rupees(o.triggerPaise), outcome: o.outcome, state: o.state, filled: o.filledQty, avg_price: rupees(o.avgFillPaise),
    broker_order_id: o.brokerOrderId, reason: o.reason,
  })));
  if (d.fills.length === 0) return;
  process.stdout.write('\nfills\n');
  printTable(d.fills.map((f) => ({
    time: istClock(f.atMs), fill_id: f.fillId, client_order_id: f.clientOrderId, symbol: f.symbol, side: f.side, qty: f.qty, price: rupees(f.pricePaise),
    charges: rupees(f.chargesPaise), purpose: f.purpose,
  })));
};

export const registerOrdersCommand = (program: Command): void => {
  program.command('orders')
    .description("list a day's orders from the journal with their outcomes, states and fills")
    .requiredOption('--db <file>', 'DuckDB file the live or paper session journals to')
    .option('--date <date>', 'IST trading date (default: the newest date with orders)', dateOption)
    .option('--json', 'print one JSON object instead of tables')
    .action(async (o: { db: string; date?: string; json?: boolean }) => {
      const store = await DuckDbStore.open(o.db, { readOnly: true });
      try {
        const day = await readDayOrders(store, o.date);
        if (o.json === true) process.stdout.write(`${JSON.stringify(day)}\n`);
        else formatDayOrders(day);
      } finally {
        store.close();
      }
    });
};
