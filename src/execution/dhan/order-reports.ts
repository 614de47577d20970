import { Subject } from 'rxjs';
import type { BrokerOrder, Fill, OrderRequest, OrderStatus, OrderUpdate } from '../../core/index.js';
import { FillTracker } from './fill-tracker.js';

const RANK: Readonly<Record<OrderStatus, number>> = { TRANSIT: 0, PENDING: 1, PART_TRADED: 2, TRADED: 3, REJECTED: 3, CANCELLED: 3, EXPIRED: 3 };

/**
 * Turns the broker's reports of an order (order-update socket, polled order book, lookups) into OrderUpdate and
 * Fill values: an update when the status or filled quantity changed, a fill when the filled quantity grew. Reports
 * older than what was already seen (a poll answer overtaken by the socket) are dropped and counted.
 */
export class OrderReports {
  readonly updates$ = new Subject<OrderUpdate>();
  readonly fills$ = new Subject<Fill>();
  readonly stats = { untrackedFills: 0, staleRows: 0 };
  readonly #placed = new Map<string, OrderRequest>();
  readonly #brokerIds = new Map<string, string>();
  readonly #cidByBrokerId = new Map<string, string>();
  readonly #last = new Map<string, { status: OrderStatus; filled: number }>();
  readonly #fills = new FillTracker();

  track(req: OrderRequest): void {
    this.#placed.set(req.clientOrderId, req);
  }

  request(clientOrderId: string): OrderRequest | undefined {
    return this.#placed.get(clientOrderId);
  }

  bind(clientOrderId: string, brokerOrderId: string): void {
    this.#brokerIds.set(clientOrderId, brokerOrderId);
    this.#cidByBrokerId.set(brokerOrderId, clientOrderId);
  }

  brokerIdOf(clientOrderId: string): string | undefined {
    return this.#brokerIds.get(clientOrderId);
  }

  report(row: BrokerOrder): void {
    const cid = row.clientOrderId !== '' ? row.clientOrderId : (this.#cidByBrokerId.get(row.brokerOrderId) ?? '');
    const last = this.#last.get(row.brokerOrderId);
    if (last !== undefined && (row.filledQty < last.filled || RANK[row.status] < RANK[last.status])) {
      this.stats.staleRows++;
      return;
    }
    if (last !== undefined && last.status === row.status && last.filled === row.filledQty) return;
    this.#last.set(row.brokerOrderId, { status: row.status, filled: row.filledQty });
    const req = this.#placed.get(cid);
    if (req !== undefined && !this.#brokerIds.has(cid)) this.bind(cid, row.brokerOrderId);
    this.updates$.next({
      clientOrderId: cid, brokerOrderId: row.brokerOrderId, status: row.status, filledQty: row.filledQty, atMs: row.updatedMs,
      ...(row.reason !== undefined ? { reason: row.reason } : {}),
    });
    if (req === undefined) {
      if (row.filledQty > (last?.filled ?? 0)) this.stats.untrackedFills++;
      return;
    }
    const fill = this.#fills.observe(row, req);
    if (fill !== undefined) this.fills$.next(fill);
  }
}
