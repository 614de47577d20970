import type { BrokerOrder, Fill, OrderRequest } from '../../core/index.js';
import { epochMs, paise, qty } from '../../core/index.js';

interface Seen { filled: number; avg: number }

/**
 * Turns cumulative fill reports (order book rows, order-update messages) into Fill values, once each: the same
 * cumulative quantity seen twice (socket and polling) gives one fill; the price of each increment is derived
 * from the change in average traded price. A fill id is `<brokerOrderId>-<cumulative qty>`.
 */
export class FillTracker {
  readonly #seen = new Map<string, Seen>();

  /** The fill implied by `row` for `req`, or undefined when nothing new was filled. */
  observe(row: BrokerOrder, req: OrderRequest): Fill | undefined {
    const prev = this.#seen.get(row.brokerOrderId) ?? { filled: 0, avg: 0 };
    if (row.filledQty <= prev.filled) return undefined;
    const delta = row.filledQty - prev.filled;
    const price = Math.round((row.avgFillPrice * row.filledQty - prev.avg * prev.filled) / delta);
    this.#seen.set(row.brokerOrderId, { filled: row.filledQty, avg: row.avgFillPrice });
    return {
      fillId: `${row.brokerOrderId}-${row.filledQty}`, clientOrderId: req.clientOrderId, brokerOrderId: row.brokerOrderId, symbol: req.symbol,
      symbolId: req.symbolId, side: req.side, qty: qty(delta), price: paise(price), atMs: epochMs(row.updatedMs), purpose: req.purpose,
      scannerId: req.scannerId, signalId: req.signalId,
    };
  }

  filled(brokerOrderId: string): number {
    return this.#seen.get(brokerOrderId)?.filled ?? 0;
  }
}
