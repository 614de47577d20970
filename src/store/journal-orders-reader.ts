import type { DuckDbStore } from './duckdb-store.js';
import { num, numOrNull, paiseOf, readRows, str } from './report-rows.js';

export interface JournalOrderRow {
  readonly runId: string;
  readonly clientOrderId: string;
  readonly brokerOrderId: string;
  readonly symbol: string;
  readonly side: string;
  readonly qty: number;
  readonly type: string;
  readonly limitPaise: number | null;
  readonly triggerPaise: number | null;
  readonly purpose: string;
  readonly scanner: string;
  /** The place outcome journaled last for this order: accepted, rejected, denied or unknown. */
  readonly outcome: string;
  readonly reason: string;
  readonly atMs: number;
  readonly filledQty: number;
  /** Average fill price, paise (0 without fills). */
  readonly avgFillPaise: number;
  /** From outcome and fills: TRADED, PART_TRADED, OPEN (accepted, nothing filled), REJECTED, DENIED or UNKNOWN. */
  readonly state: string;
}

export interface JournalFillRow {
  readonly runId: string;
  readonly fillId: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: string;
  readonly qty: number;
  readonly pricePaise: number;
  readonly chargesPaise: number;
  readonly purpose: string;
  readonly atMs: number;
}

export interface DayOrders {
  /** The IST date read (YYYY-MM-DD); the newest date in the journal when none was asked for. */
  readonly date: string | undefined;
  readonly orders: readonly JournalOrderRow[];
  readonly fills: readonly JournalFillRow[];
}

const IST_DATE = `CAST(timestamp + INTERVAL 330 MINUTE AS DATE)`;

const stateOf = (outcome: string, qty: number, filled: number): string =>
  filled >= qty && qty > 0 ? 'TRADED' : filled > 0 ? 'PART_TRADED'
    : outcome === 'accepted' ? 'OPEN' : outcome === 'rejected' ? 'REJECTED' : outcome === 'denied' ? 'DENIED' : 'UNKNOWN';

/** The orders of one IST day from `journal_orders` (the last row per order), with their fills from `journal_fills`. */
export const readDayOrders = async (store: DuckDbStore, date?: string): Promise<DayOrders> => {
  const c = store.connection;
  const day = date ?? (await readRows(c, `SELECT max(${IST_DATE})::VARCHAR FROM journal_orders`))[0]?.[0];
  if (day === null || day === undefined) return { date: undefined, orders: [], fills: [] };
  const d = str(day);
  const fills = (await readRows(c, `SELECT run_id, fill_id, client_order_id, symbol, side, quantity, ${paiseOf('price')}, ${paiseOf('charges')}, purpose, epoch_ms(timestamp)::DOUBLE
      FROM journal_fills WHERE ${IST_DATE} = $1::DATE ORDER BY timestamp, seq`, [d]))
    .map(([run, fid, cid, symbol, side, q, price, charges, purpose, at]) => ({
      runId: str(run), fillId: str(fid), clientOrderId: str(cid), symbol: str(symbol), side: str(side), qty: num(q), pricePaise: num(price),
      chargesPaise: num(charges), purpose: str(purpose), atMs: num(at),
    }));
  const rows = await readRows(c, `SELECT run_id, client_order_id, broker_order_id, symbol, side, quantity, order_type, ${paiseOf('limit_price')}, ${paiseOf('trigger_price')},
      purpose, scanner_name, outcome, reason, epoch_ms(timestamp)::DOUBLE
    FROM journal_orders WHERE ${IST_DATE} = $1::DATE
    QUALIFY row_number() OVER (PARTITION BY run_id, client_order_id ORDER BY seq DESC) = 1 ORDER BY timestamp, seq`, [d]);
  const orders = rows.map(([run, cid, bid, symbol, side, q, type, limit, trigger, purpose, scanner, outcome, reason, at]) => {
    const mine = fills.filter((f) => f.runId === str(run) && f.clientOrderId === str(cid));
    const filled = mine.reduce((s, f) => s + f.qty, 0);
    const avg = filled > 0 ? Math.round(mine.reduce((s, f) => s + f.qty * f.pricePaise, 0) / filled) : 0;
    return {
      runId: str(run), clientOrderId: str(cid), brokerOrderId: str(bid), symbol: str(symbol), side: str(side), qty: num(q), type: str(type),
      limitPaise: numOrNull(limit), triggerPaise: numOrNull(trigger), purpose: str(purpose), scanner: str(scanner), outcome: str(outcome),
      reason: str(reason), atMs: num(at), filledQty: filled, avgFillPaise: avg, state: stateOf(str(outcome), num(q), filled),
    };
  });
  return { date: d, orders, fills };
};
