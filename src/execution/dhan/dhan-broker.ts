import { type Observable, Subject, type Subscription } from 'rxjs';
import {
  type BrokerOrder, type BrokerPort, type BrokerQueries, type CancelOutcome, type Clock, type Fill, type ModifyOutcome, type OrderModification,
  type OrderRequest, type OrderUpdate, type PlaceOutcome, epochMs, isTerminalStatus, qty,
} from '../../core/index.js';
import { BrokerError, isBrokerError } from './broker-error.js';
import { classifyTransportError } from './classify-error.js';
import { DhanAccount } from './dhan-account.js';
import { type DhanInstrument, modifyOrderBody, placeOrderBody } from './order-body.js';
import { OrderBookPoller } from './order-book-poller.js';
import { OrderReports } from './order-reports.js';
import { type SymbolOf, orderFromAlert } from './order-mapper.js';
import type { DhanOrderUpdateSocket } from './order-update-socket.js';
import type { DhanRestClient } from './rest-client.js';
import { dhanCancelResponseSchema, dhanPlaceResponseSchema } from './wire.js';

export interface DhanBrokerOptions {
  readonly rest: DhanRestClient;
  readonly instruments: readonly DhanInstrument[];
  /** The engine's symbol ids (SymbolTable). */
  readonly symbols: { id(symbol: string): number | undefined };
  /** Wall time: waits, polling, reconnects. */
  readonly clock: Clock;
  readonly productType: string;
  readonly lookupDelayMs: number;
  readonly placeRetries: number;
  readonly pollMs: number;
  /** Order updates from this socket, with order-book polling while it is down; without it, polling only. */
  readonly socket?: DhanOrderUpdateSocket;
  readonly onError?: (e: unknown, operation: string) => void;
}

const asBrokerError = (e: unknown, what: string): BrokerError => (isBrokerError(e) ? e : classifyTransportError(e, what));

/**
 * Dhan REST v2 as a BrokerPort. The clientOrderId is sent as correlationId. After an unknown outcome (timeout,
 * 5xx, dropped answer) the order is looked up by correlationId before any retry: found means accepted, absent
 * allows a retry, a failed lookup leaves it unknown for reconciliation. Updates and fills come only from what
 * Dhan reports (order-update socket, else the polled order book); nothing is ever assumed filled.
 */
export class DhanBroker implements BrokerPort, BrokerQueries {
  /** The order-update socket came back after a drop: reconcile now. */
  readonly reconnected$ = new Subject<void>();
  readonly account: DhanAccount;
  readonly stats = { placed: 0, unknown: 0, lookups: 0, retries: 0 };
  readonly reports = new OrderReports();
  readonly fills$: Observable<Fill> = this.reports.fills$;
  readonly updates$: Observable<OrderUpdate> = this.reports.updates$;
  readonly #instruments: Map<string, DhanInstrument>;
  readonly #poller: OrderBookPoller;
  readonly #symbolOf: SymbolOf;
  #subs: Subscription[] = [];

  constructor(private readonly o: DhanBrokerOptions) {
    this.#instruments = new Map(o.instruments.map((i) => [i.symbol, i]));
    const bySecurity = new Map(o.instruments.map((i) => [i.securityId, i.symbol]));
    this.#symbolOf = (sid, s) => bySecurity.get(sid) ?? s ?? `SID${sid}`;
    this.account = new DhanAccount(o.rest, this.#symbolOf, o.clock);
    this.#poller = new OrderBookPoller(async () => (await this.account.orderBook()).forEach((r) => this.reports.report(r)), o.clock, o.pollMs, (e) => o.onError?.(e, 'poll'));
  }

  start(): void {
    const s = this.o.socket;
    if (s === undefined) return this.#poller.start();
    let opened = false;
    this.#subs.push(
      s.alerts$.subscribe((a) => {
        const row = orderFromAlert(a, this.#symbolOf, this.o.clock.now());
        if (row !== undefined) this.reports.report(row);
      }),
      s.state$.subscribe((st) => {
        if (st !== 'open') return this.#poller.start();
        this.#poller.stop();
        void this.#poller.pollOnce();
        if (opened) this.reconnected$.next();
        opened = true;
      }),
    );
    s.start();
  }

  stop(): void {
    for (const s of this.#subs) s.unsubscribe();
    this.#subs = [];
    this.o.socket?.stop();
    this.#poller.stop();
  }

  /** Follows an order placed before a restart (from the journal), so its updates become fills. */
  track(req: OrderRequest, brokerOrderId = ''): void {
    this.reports.track(req);
    if (brokerOrderId !== '') this.reports.bind(req.clientOrderId, brokerOrderId);
  }

  async place(req: OrderRequest): Promise<PlaceOutcome> {
    const ins = this.#instruments.get(req.symbol);
    if (ins === undefined) return { kind: 'rejected', code: 'BROKER_UNKNOWN_INSTRUMENT', reason: `no Dhan securityId for ${req.symbol}` };
    this.reports.track(req);
    for (let attempt = 0; ; attempt++) {
      const out = await this.#placeOnce(req, ins);
      if (out.kind !== 'unknown') return out;
      this.stats.unknown++;
      await this.#sleep(this.o.lookupDelayMs);
      this.stats.lookups++;
      let found: BrokerOrder | undefined;
      try {
        found = await this.account.orderByCorrelationId(req.clientOrderId);
      } catch (e) {
        return { kind: 'unknown', reason: `${out.reason}; lookup by correlationId failed: ${asBrokerError(e, 'lookup').message}` };
      }
      if (found !== undefined) {
        this.reports.bind(req.clientOrderId, found.brokerOrderId);
        this.reports.report(found);
        return { kind: 'accepted', brokerOrderId: found.brokerOrderId };
      }
      if (attempt >= this.o.placeRetries) return { kind: 'unknown', reason: `${out.reason}; not found by correlationId` };
      this.stats.retries++;
    }
  }

  async cancel(clientOrderId: string): Promise<CancelOutcome> {
    try {
      const id = await this.#brokerIdOf(clientOrderId);
      if (id === undefined) return { kind: 'rejected', code: 'BROKER_UNKNOWN_ORDER', reason: `no order ${clientOrderId} at the broker` };
      await this.o.rest.delete(`/orders/${encodeURIComponent(id)}`, dhanCancelResponseSchema);
      return { kind: 'cancelled' };
    } catch (e) {
      const err = asBrokerError(e, 'cancel');
      return err.definitive ? { kind: 'rejected', code: err.code, reason: err.message } : { kind: 'unknown', reason: `${err.code}: ${err.message}` };
    }
  }

  async modify(clientOrderId: string, change: OrderModification): Promise<ModifyOutcome> {
    const req = this.reports.request(clientOrderId);
    try {
      const id = await this.#brokerIdOf(clientOrderId);
      if (id === undefined || req === undefined) return { kind: 'rejected', code: 'BROKER_UNKNOWN_ORDER', reason: `no order ${clientOrderId} to modify` };
      await this.o.rest.put(`/orders/${encodeURIComponent(id)}`, modifyOrderBody(req, change, id, this.o.rest.clientId), dhanPlaceResponseSchema);
      return { kind: 'modified' };
    } catch (e) {
      const err = asBrokerError(e, 'modify');
      return err.definitive ? { kind: 'rejected', code: err.code, reason: err.message } : { kind: 'unknown', reason: `${err.code}: ${err.message}` };
    }
  }

  async openOrders(): Promise<readonly OrderRequest[]> {
    return (await this.account.orderBook()).filter((r) => !isTerminalStatus(r.status)).map((r) => this.reports.request(r.clientOrderId) ?? {
      clientOrderId: r.clientOrderId, symbol: r.symbol, symbolId: this.o.symbols.id(r.symbol) ?? -1, side: r.side, qty: qty(r.qty), type: r.type,
      purpose: 'ENTRY', scannerId: '', signalId: '', atMs: r.updatedMs,
      ...(r.limitPrice !== undefined ? { limitPrice: r.limitPrice } : {}), ...(r.triggerPrice !== undefined ? { triggerPrice: r.triggerPrice } : {}),
    });
  }

  orderBook(): Promise<readonly BrokerOrder[]> {
    return this.account.orderBook();
  }

  positions() {
    return this.account.positions();
  }

  async #placeOnce(req: OrderRequest, ins: DhanInstrument): Promise<PlaceOutcome> {
    try {
      this.stats.placed++;
      const r = await this.o.rest.post('/orders', placeOrderBody(req, ins, this.o.rest.clientId, this.o.productType), dhanPlaceResponseSchema);
      this.reports.bind(req.clientOrderId, r.orderId);
      return { kind: 'accepted', brokerOrderId: r.orderId };
    } catch (e) {
      const err = asBrokerError(e, 'place');
      return err.definitive ? { kind: 'rejected', code: err.code, reason: err.message } : { kind: 'unknown', reason: `${err.code}: ${err.message}` };
    }
  }

  async #brokerIdOf(clientOrderId: string): Promise<string | undefined> {
    const known = this.reports.brokerIdOf(clientOrderId);
    if (known !== undefined) return known;
    const found = await this.account.orderByCorrelationId(clientOrderId);
    if (found !== undefined) this.reports.bind(clientOrderId, found.brokerOrderId);
    return found?.brokerOrderId;
  }

  #sleep(ms: number): Promise<void> {
    return ms <= 0 ? Promise.resolve() : new Promise((resolve) => this.o.clock.at(epochMs(this.o.clock.now() + ms), 'broker-lookup-wait', () => resolve()));
  }
}
