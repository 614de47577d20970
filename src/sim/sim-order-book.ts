import { istText } from './ist-text.js';
import type { SimOrderFaults } from './sim-order-faults.js';
import { type SimPlaceRequest, exchangeRejection } from './sim-order-validation.js';
import type { SimInstrument } from './sim-instruments.js';

export type SimOrderStatus = 'TRANSIT' | 'PENDING' | 'PART_TRADED' | 'TRADED' | 'REJECTED' | 'CANCELLED' | 'EXPIRED';

/** One order, in the fields of Dhan's order-book row (prices in paise here, rupees on the wire). */
export interface SimOrder {
  readonly orderId: string;
  readonly req: SimPlaceRequest;
  readonly symbol: string;
  quantity: number;
  pricePaise: number;
  triggerPaise: number;
  status: SimOrderStatus;
  filledQty: number;
  avgPaise: number;
  lastTradePaise: number;
  reason: string;
  readonly createMs: number;
  updateMs: number;
  /** Wall time the place request arrived (the order log: rate checks in tests). */
  readonly receivedWallMs: number;
}

export interface SimTradeRow { readonly orderId: string; readonly tradeId: string; readonly order: SimOrder; readonly qty: number; readonly pricePaise: number; readonly atMs: number }

export interface SimOrderBookOptions {
  readonly lastPaise: (securityId: string) => number | undefined;
  /** Exchange time (order and trade timestamps). */
  readonly exchangeNow: () => number;
  readonly wallNow: () => number;
  readonly faults: SimOrderFaults;
  readonly tickPaise: number;
  readonly bandPct: number;
}

const WORKING: readonly SimOrderStatus[] = ['TRANSIT', 'PENDING', 'PART_TRADED'];

/**
 * The simulated broker's orders: TRANSIT on placement, then PENDING (or REJECTED by the exchange's checks) after
 * `transitMs`; MARKET orders fill at the security's last traded price (the order price when nothing traded),
 * LIMIT and stop orders when the market reaches them; in two parts when `partial` is on; not at all when `hold`.
 * Every change is reported to `onChange` (the order-update socket).
 */
export class SimOrderBook {
  readonly orders: SimOrder[] = [];
  readonly trades: SimTradeRow[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #byId = new Map<string, SimOrder>();
  readonly #byCid = new Map<string, SimOrder>();
  /** Working orders by security, for matching on each trade. */
  readonly #working = new Map<string, Set<SimOrder>>();
  #seq = 0;
  #tradeSeq = 0;

  constructor(private readonly o: SimOrderBookOptions, private readonly onChange: (order: SimOrder) => void) {}

  place(req: SimPlaceRequest, ins: SimInstrument): SimOrder {
    const now = this.o.exchangeNow();
    const order: SimOrder = {
      orderId: String(52_000_000_000 + ++this.#seq), req, symbol: ins.symbol, quantity: req.quantity, pricePaise: req.pricePaise, triggerPaise: req.triggerPaise,
      status: 'TRANSIT', filledQty: 0, avgPaise: 0, lastTradePaise: 0, reason: 'CONFIRMED', createMs: now, updateMs: now, receivedWallMs: this.o.wallNow(),
    };
    this.orders.push(order);
    this.#byId.set(order.orderId, order);
    if (req.correlationId !== '') this.#byCid.set(req.correlationId, order);
    this.onChange(order);
    this.#later(this.o.faults.transitMs, () => this.#toExchange(order, ins));
    return order;
  }

  get(orderId: string): SimOrder | undefined {
    return this.#byId.get(orderId);
  }

  /** The latest order with this correlation id. */
  byCorrelationId(cid: string): SimOrder | undefined {
    return this.#byCid.get(cid);
  }

  cancel(order: SimOrder): string | undefined {
    if (order.status === 'TRANSIT') return 'Order is in Transit state';
    if (!WORKING.includes(order.status)) return `Order is ${order.status}`;
    this.#set(order, 'CANCELLED');
    return undefined;
  }

  modify(order: SimOrder, quantity: number, pricePaise: number, triggerPaise: number): string | undefined {
    if (!WORKING.includes(order.status)) return `Order is ${order.status}`;
    if (quantity < order.filledQty) return 'quantity below the filled quantity';
    order.quantity = quantity;
    order.pricePaise = pricePaise;
    order.triggerPaise = triggerPaise;
    this.#set(order, order.status);
    this.#match(order);
    return undefined;
  }

  /** Fills `qty` (default: the rest) at `pricePaise` (default: the last traded price). */
  fill(order: SimOrder, qty?: number, pricePaise?: number): string | undefined {
    if (order.status !== 'PENDING' && order.status !== 'PART_TRADED') return `Order is ${order.status}`;
    const q = Math.min(qty ?? order.quantity - order.filledQty, order.quantity - order.filledQty);
    if (q <= 0) return 'nothing left to fill';
    const price = pricePaise ?? this.#marketPrice(order);
    const now = this.o.exchangeNow();
    order.avgPaise = (order.avgPaise * order.filledQty + price * q) / (order.filledQty + q);
    order.filledQty += q;
    order.lastTradePaise = price;
    this.trades.push({ orderId: order.orderId, tradeId: String(9_000_000 + ++this.#tradeSeq), order, qty: q, pricePaise: price, atMs: now });
    this.#set(order, order.filledQty === order.quantity ? 'TRADED' : 'PART_TRADED');
    return undefined;
  }

  /** A trade on the feed: resting LIMIT and stop orders of that security may now fill. */
  onTrade(securityId: string): void {
    const working = this.#working.get(securityId);
    if (working !== undefined) for (const order of working) this.#match(order);
  }

  close(): void {
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
  }

  #toExchange(order: SimOrder, ins: SimInstrument): void {
    if (order.status !== 'TRANSIT') return;
    const why = exchangeRejection(order.req, this.o.lastPaise(ins.securityId) ?? ins.basePaise, this.o.tickPaise, this.o.bandPct);
    if (why !== undefined) {
      order.reason = why;
      return this.#set(order, 'REJECTED');
    }
    this.#set(order, 'PENDING');
    this.#match(order);
  }

  /** Fills a working order when the market allows it (after `fillDelayMs`, in two parts when `partial`). */
  #match(order: SimOrder): void {
    if (this.o.faults.hold || !this.#marketable(order)) return;
    this.#later(this.o.faults.fillDelayMs, () => {
      if (this.o.faults.hold || !this.#marketable(order) || (order.status !== 'PENDING' && order.status !== 'PART_TRADED')) return;
      const rest = order.quantity - order.filledQty;
      const part = this.o.faults.partial && order.filledQty === 0 && rest > 1 ? Math.floor(rest / 2) : rest;
      this.fill(order, part);
      if (order.status === 'PART_TRADED') this.#match(order);
    });
  }

  #marketable(order: SimOrder): boolean {
    const ltp = this.o.lastPaise(order.req.securityId);
    const buy = order.req.transactionType === 'BUY';
    switch (order.req.orderType) {
      case 'MARKET':
        return true;
      case 'LIMIT':
        return ltp === undefined || (buy ? ltp <= order.pricePaise : ltp >= order.pricePaise);
      default:
        return ltp !== undefined && (buy ? ltp >= order.triggerPaise : ltp <= order.triggerPaise);
    }
  }

  /** The last traded price; without one, the order's own price (limit, else trigger). */
  #marketPrice(order: SimOrder): number {
    const ltp = this.o.lastPaise(order.req.securityId);
    if (order.req.orderType === 'LIMIT') return ltp === undefined ? order.pricePaise : order.req.transactionType === 'BUY' ? Math.min(ltp, order.pricePaise) : Math.max(ltp, order.pricePaise);
    return ltp ?? (order.pricePaise || order.triggerPaise);
  }

  #set(order: SimOrder, status: SimOrderStatus): void {
    order.status = status;
    const sid = order.req.securityId;
    if (status === 'PENDING' || status === 'PART_TRADED') {
      const set = this.#working.get(sid) ?? new Set<SimOrder>();
      set.add(order);
      this.#working.set(sid, set);
    } else {
      this.#working.get(sid)?.delete(order);
    }
    order.updateMs = this.o.exchangeNow();
    this.onChange(order);
  }

  #later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.#timers.delete(t);
      fn();
    }, ms);
    this.#timers.add(t);
  }
}

/** An order as Dhan's order-book row (rupees, IST text times). */
export const orderRow = (o: SimOrder): Record<string, unknown> => ({
  dhanClientId: o.req.dhanClientId, orderId: o.orderId, exchangeOrderId: o.status === 'TRANSIT' ? '' : `1100000${o.orderId.slice(-8)}`,
  correlationId: o.req.correlationId, orderStatus: o.status, transactionType: o.req.transactionType, exchangeSegment: o.req.exchangeSegment,
  productType: o.req.productType, orderType: o.req.orderType, validity: o.req.validity, tradingSymbol: o.symbol, securityId: o.req.securityId,
  quantity: o.quantity, disclosedQuantity: 0, price: o.pricePaise / 100, triggerPrice: o.triggerPaise / 100, afterMarketOrder: false,
  createTime: istText(o.createMs), updateTime: istText(o.updateMs), exchangeTime: istText(o.updateMs), omsErrorCode: o.status === 'REJECTED' ? '16283' : '',
  omsErrorDescription: o.reason, remainingQuantity: o.quantity - o.filledQty, averageTradedPrice: o.avgPaise / 100, filledQty: o.filledQty,
});
