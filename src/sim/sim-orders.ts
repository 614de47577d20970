import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Clock } from '../core/index.js';
import type { LastPriceTap } from './last-price-tap.js';
import { type SimOrder, SimOrderBook, orderRow } from './sim-order-book.js';
import { ORDER_FAULT_KEYS, type SimOrderFaults, applyOrderFaults, defaultOrderFaults, faultsView } from './sim-order-faults.js';
import { SimOrderRest } from './sim-order-rest.js';
import { SimOrderUpdates } from './sim-order-updates.js';
import type { SimInstrument } from './sim-instruments.js';
import { readJsonBody } from './json-body.js';

export interface SimOrdersOptions {
  readonly instruments: readonly SimInstrument[];
  readonly prices: LastPriceTap;
  readonly exchangeNow: () => number;
  /** Wall clock: the order-API rate limit and the order log's arrival times. */
  readonly clock: Clock;
  readonly token?: string;
}

/**
 * The simulator's trading side: REST v2 under `/v2`, the order-update socket at `/order-update`, and control
 * routes `/control/orders` (the order log), `/control/order-fault` and `/control/order-fill`.
 */
export class SimOrders {
  readonly faults: SimOrderFaults = defaultOrderFaults();
  readonly book: SimOrderBook;
  readonly rest: SimOrderRest;
  readonly updates: SimOrderUpdates;

  constructor(o: SimOrdersOptions) {
    this.updates = new SimOrderUpdates(o.token, () => this.faults.muteUpdates);
    this.book = new SimOrderBook({
      lastPaise: (sid) => o.prices.lastPaise(sid), exchangeNow: o.exchangeNow, wallNow: () => o.clock.now(), faults: this.faults, tickPaise: 5, bandPct: 20,
    }, (order) => this.updates.publish(order));
    o.prices.onTrade((sid) => this.book.onTrade(sid));
    this.rest = new SimOrderRest({
      book: this.book, faults: this.faults, instruments: o.instruments, wallNow: () => o.clock.now(), ...(o.token !== undefined ? { token: o.token } : {}),
    });
  }

  /** Routes this server's order paths; false when the request is not one of them. */
  route(req: IncomingMessage, res: ServerResponse): boolean {
    const path = new URL(req.url ?? '/', 'http://sim').pathname;
    if (path.startsWith('/v2/')) return (void this.rest.handle(req, res, path), true);
    if (!path.startsWith('/control/order')) return false;
    void this.#control(req, res, path);
    return true;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.faults.refuseUpdates) return void socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    this.updates.handleUpgrade(req, socket, head);
  }

  close(): void {
    this.book.close();
    this.updates.close();
  }

  async #control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && path === '/control/orders') {
      return reply(200, {
        orders: this.book.orders.map((o) => ({ ...orderRow(o), receivedWallMs: o.receivedWallMs })), counters: this.rest.counters,
        updates: { connections: this.updates.connections, logins: this.updates.logins, sent: this.updates.sent }, faults: faultsView(this.faults),
      });
    }
    const body = await readJsonBody(req);
    if (body === undefined) return reply(400, { error: 'body must be JSON' });
    if (req.method === 'POST' && path === '/control/order-fault') {
      const done = applyOrderFaults(this.faults, body);
      if (body.dropUpdateSockets === true) {
        this.updates.dropAll();
        done.push('dropUpdateSockets');
      }
      if (done.length === 0) return reply(400, { error: 'no known order fault in body', known: ORDER_FAULT_KEYS });
      return reply(200, { applied: done, faults: faultsView(this.faults) });
    }
    if (req.method === 'POST' && path === '/control/order-fill') {
      const order = this.#find(body);
      if (order === undefined) return reply(404, { error: 'no such order' });
      const why = this.book.fill(order, typeof body.qty === 'number' ? body.qty : undefined, typeof body.pricePaise === 'number' ? body.pricePaise : undefined);
      return why === undefined ? reply(200, orderRow(order)) : reply(409, { error: why });
    }
    return reply(404, { error: `no route ${req.method} ${path}` });
  }

  #find(body: Record<string, unknown>): SimOrder | undefined {
    if (typeof body.orderId === 'string') return this.book.get(body.orderId);
    return typeof body.correlationId === 'string' ? this.book.byCorrelationId(body.correlationId) : undefined;
  }
}
