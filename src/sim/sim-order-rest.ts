import type { IncomingMessage, ServerResponse } from 'node:http';
import { istText } from './ist-text.js';
import { type SimOrder, type SimOrderBook, orderRow } from './sim-order-book.js';
import { type SimOrderFaults, takeFault } from './sim-order-faults.js';
import { validatePlace } from './sim-order-validation.js';
import type { SimInstrument } from './sim-instruments.js';

export interface SimOrderRestOptions {
  readonly book: SimOrderBook;
  readonly faults: SimOrderFaults;
  readonly instruments: readonly SimInstrument[];
  /** When set, the only access token accepted; otherwise any non-empty one. */
  readonly token?: string;
  readonly wallNow: () => number;
}

type Reply = (status: number, body: unknown) => void;
const err = (reply: Reply, status: number, code: string, type: string, message: string) => reply(status, { errorType: type, errorCode: code, errorMessage: message });

/** Dhan REST v2 under `/v2`: orders, trades, positions, fund limit, with Dhan's error bodies, limits and faults. */
export class SimOrderRest {
  readonly counters = { requests: 0, placed: 0, rejected400: 0, rateLimited: 0, errors5xx: 0, dropped: 0, timedOut: 0 };
  readonly #bySecurity: Map<string, SimInstrument>;
  readonly #recent: number[] = [];

  constructor(private readonly o: SimOrderRestOptions) {
    this.#bySecurity = new Map(o.instruments.map((i) => [i.securityId, i]));
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    this.counters.requests++;
    const body = await readBody(req);
    if (this.o.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, this.o.faults.latencyMs));
    const reply: Reply = (status, b) => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(b === undefined ? '' : JSON.stringify(b));
    };
    const token = req.headers['access-token'];
    if (typeof token !== 'string' || token === '' || (this.o.token !== undefined && token !== this.o.token)) {
      return err(reply, 401, 'DH-901', 'Invalid_Authentication', 'Client ID or user generated access token is invalid or expired.');
    }
    if (takeFault(this.o.faults, 'error5xx')) return (this.counters.errors5xx++, err(reply, 500, 'DH-908', 'Internal_Server_Error', 'Internal server error'));
    const isOrderApi = req.method !== 'GET' && path.startsWith('/v2/orders');
    if (isOrderApi && (takeFault(this.o.faults, 'rateLimit') || this.#overLimit())) {
      this.counters.rateLimited++;
      return err(reply, 429, 'DH-904', 'Rate_Limit', 'Too many requests on server from single user breaching rate limits.');
    }
    const clientId = String(req.headers['client-id'] ?? '');
    this.#route(req.method ?? 'GET', path, body, clientId, reply, res);
  }

  #overLimit(): boolean {
    const now = this.o.wallNow();
    while (this.#recent.length > 0 && (this.#recent[0] ?? 0) <= now - 1000) this.#recent.shift();
    if (this.#recent.length >= this.o.faults.ordersPerSecond) return true;
    this.#recent.push(now);
    return false;
  }

  #route(method: string, path: string, body: Record<string, unknown>, clientId: string, reply: Reply, res: ServerResponse): void {
    const book = this.o.book;
    const [, , a, b, c] = path.split('/');
    if (method === 'POST' && a === 'orders' && b === undefined) return this.#place(body, clientId, reply, res);
    if (method === 'GET' && a === 'orders' && b === undefined) return reply(200, book.orders.filter((o) => o.req.dhanClientId === clientId).map(orderRow));
    if (method === 'GET' && a === 'orders' && b === 'external' && c !== undefined) {
      const o = book.byCorrelationId(decodeURIComponent(c));
      return o === undefined ? err(reply, 404, 'DH-906', 'Order_Error', 'No order found for the correlation id') : reply(200, orderRow(o));
    }
    const order = a === 'orders' && b !== undefined ? book.get(decodeURIComponent(b)) : undefined;
    if (method === 'GET' && a === 'orders' && b !== undefined) return reply(200, order === undefined ? [] : orderRow(order));
    if ((method === 'DELETE' || method === 'PUT') && a === 'orders' && b !== undefined) {
      if (order === undefined) return err(reply, 404, 'DH-906', 'Order_Error', 'Invalid order id');
      const why = method === 'DELETE' ? book.cancel(order) : this.#modify(order, body);
      if (why !== undefined) return err(reply, 400, 'DH-906', 'Order_Error', why);
      return reply(200, { orderId: order.orderId, orderStatus: order.status });
    }
    if (method === 'GET' && a === 'trades') return reply(200, book.trades.filter((t) => b === undefined || t.orderId === b).map(tradeRow));
    if (method === 'GET' && a === 'positions') return reply(200, positions(book));
    if (method === 'GET' && a === 'fundlimit') return reply(200, fundLimit(clientId, book));
    return err(reply, 404, 'DH-910', 'Others', `no route ${method} ${path}`);
  }

  #place(body: Record<string, unknown>, clientId: string, reply: Reply, res: ServerResponse): void {
    const v = validatePlace(body, clientId, this.#bySecurity);
    if (!v.ok) return (this.counters.rejected400++, err(reply, 400, 'DH-905', 'Input_Exception', v.message));
    const order = this.o.book.place(v.req, v.ins);
    this.counters.placed++;
    if (takeFault(this.o.faults, 'dropResponse')) return (this.counters.dropped++, void res.socket?.destroy());
    if (takeFault(this.o.faults, 'timeout')) return void this.counters.timedOut++;
    reply(200, { orderId: order.orderId, orderStatus: order.status });
  }

  #modify(order: SimOrder, b: Record<string, unknown>): string | undefined {
    const qty = typeof b.quantity === 'number' ? b.quantity : order.quantity;
    const price = typeof b.price === 'number' ? Math.round(b.price * 100) : order.pricePaise;
    const trigger = typeof b.triggerPrice === 'number' ? Math.round(b.triggerPrice * 100) : order.triggerPaise;
    return this.o.book.modify(order, qty, price, trigger);
  }
}

const readBody = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    const v = JSON.parse(Buffer.concat(chunks).toString() || '{}') as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

const tradeRow = (t: { orderId: string; tradeId: string; order: SimOrder; qty: number; pricePaise: number; atMs: number }) => ({
  dhanClientId: t.order.req.dhanClientId, orderId: t.orderId, exchangeOrderId: `1100000${t.orderId.slice(-8)}`, exchangeTradeId: t.tradeId,
  transactionType: t.order.req.transactionType, exchangeSegment: t.order.req.exchangeSegment, productType: t.order.req.productType,
  orderType: t.order.req.orderType, tradingSymbol: t.order.symbol, securityId: t.order.req.securityId, tradedQuantity: t.qty,
  tradedPrice: t.pricePaise / 100, createTime: istText(t.atMs), updateTime: istText(t.atMs), exchangeTime: istText(t.atMs),
});

/** Net positions from the day's trades (FIFO-free: average prices per side, realised on the matched quantity). */
const positions = (book: SimOrderBook): Record<string, unknown>[] => {
  const by = new Map<string, { o: SimOrder; buyQty: number; buyVal: number; sellQty: number; sellVal: number }>();
  for (const t of book.trades) {
    const p = by.get(t.order.req.securityId) ?? { o: t.order, buyQty: 0, buyVal: 0, sellQty: 0, sellVal: 0 };
    if (t.order.req.transactionType === 'BUY') {
      p.buyQty += t.qty;
      p.buyVal += t.qty * t.pricePaise;
    } else {
      p.sellQty += t.qty;
      p.sellVal += t.qty * t.pricePaise;
    }
    by.set(t.order.req.securityId, p);
  }
  return [...by.values()].map(({ o, buyQty, buyVal, sellQty, sellVal }) => {
    const net = buyQty - sellQty;
    const buyAvg = buyQty > 0 ? buyVal / buyQty / 100 : 0;
    const sellAvg = sellQty > 0 ? sellVal / sellQty / 100 : 0;
    const matched = Math.min(buyQty, sellQty);
    return {
      dhanClientId: o.req.dhanClientId, tradingSymbol: o.symbol, securityId: o.req.securityId, positionType: net > 0 ? 'LONG' : net < 0 ? 'SHORT' : 'CLOSED',
      exchangeSegment: o.req.exchangeSegment, productType: o.req.productType, buyAvg, costPrice: net >= 0 ? buyAvg : sellAvg, buyQty, sellAvg, sellQty, netQty: net,
      realizedProfit: Math.round(matched * (sellAvg - buyAvg) * 100) / 100, unrealizedProfit: 0, dayBuyQty: buyQty, daySellQty: sellQty,
      dayBuyValue: buyVal / 100, daySellValue: sellVal / 100, multiplier: 1, drvExpiryDate: '0001-01-01', drvOptionType: 'NA', drvStrikePrice: 0,
    };
  });
};

const fundLimit = (clientId: string, book: SimOrderBook) => {
  const utilised = book.orders.filter((o) => o.filledQty > 0).reduce((s, o) => s + (o.filledQty * o.avgPaise) / 100 / 5, 0);
  const sod = 1_000_000;
  return { dhanClientId: clientId, availabelBalance: Math.round((sod - utilised) * 100) / 100, sodLimit: sod, collateralAmount: 0, receiveableAmount: 0, utilizedAmount: Math.round(utilised * 100) / 100, blockedPayoutAmount: 0, withdrawableBalance: Math.round((sod - utilised) * 100) / 100 };
};
