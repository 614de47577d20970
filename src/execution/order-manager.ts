import { type Fill, type OrderRequest, type OrderStatus, type OrderUpdate, type PlaceOutcome, isTerminalStatus } from '../core/index.js';
import { isLegalTransition } from './order-transitions.js';
import type { PositionLedger } from './position-ledger.js';

export interface ManagedOrder {
  readonly request: OrderRequest;
  brokerOrderId: string;
  status: OrderStatus;
  /** Filled quantity the broker's status messages report (may run ahead of the fills received). */
  reportedFilledQty: number;
  /** Filled quantity from fills applied to the ledger. */
  filledQty: number;
  /** Average price of the applied fills, paise. */
  avgFillPrice: number;
  /** Placed with an unknown outcome and not yet confirmed by any broker message. */
  unresolved: boolean;
  reason?: string;
}

export type OrderRefusalCode = 'ORDER_ILLEGAL_TRANSITION' | 'ORDER_UNKNOWN' | 'ORDER_OVERFILL' | 'ORDER_DUPLICATE_FILL' | 'ORDER_FILL_REGRESSION';

export type OrderResult =
  | { readonly ok: true; readonly order: Readonly<ManagedOrder>; readonly changed: boolean }
  | { readonly ok: false; readonly code: OrderRefusalCode; readonly clientOrderId: string; readonly reason: string; readonly from?: OrderStatus; readonly to?: OrderStatus };

/**
 * The order state machine over Dhan's statuses. Pure: messages in, typed results out; a refused message changes
 * nothing and is counted by code (the caller logs it). An order never counts as filled on `accepted`: positions
 * change only when `applyFill` passes a broker-reported fill on to the ledger.
 */
export class OrderManager {
  readonly #orders = new Map<string, ManagedOrder>();
  readonly #fillIds = new Set<string>();
  readonly refusals = new Map<OrderRefusalCode, number>();

  constructor(private readonly ledger: Pick<PositionLedger, 'applyFill'>) {}

  /**
   * Records an order about to be sent (TRANSIT, unresolved), so broker messages that overtake the place answer
   * (the order-update socket often does) find it.
   */
  submitting(req: OrderRequest): Readonly<ManagedOrder> {
    return this.#create(req);
  }

  /** Records the place outcome. Denied orders never reached the broker and are forgotten. */
  placed(req: OrderRequest, outcome: PlaceOutcome): Readonly<ManagedOrder> | undefined {
    const known = this.#orders.get(req.clientOrderId);
    if (outcome.kind === 'denied') {
      if (known !== undefined && known.unresolved && known.brokerOrderId === '') this.#orders.delete(req.clientOrderId);
      return undefined;
    }
    const o = known ?? this.#create(req);
    if (outcome.kind === 'accepted') {
      o.brokerOrderId = outcome.brokerOrderId;
      o.unresolved = false;
    } else if (outcome.kind === 'rejected' && o.unresolved) {
      o.status = 'REJECTED';
      o.unresolved = false;
      o.reason = `${outcome.code}: ${outcome.reason}`;
    }
    return o;
  }

  onUpdate(u: OrderUpdate): OrderResult {
    const o = this.#orders.get(u.clientOrderId);
    if (o === undefined) return this.#refuse('ORDER_UNKNOWN', u.clientOrderId, `no order ${u.clientOrderId}`);
    if (!isLegalTransition(o.status, u.status)) {
      return this.#refuse('ORDER_ILLEGAL_TRANSITION', u.clientOrderId, `${o.status} → ${u.status}`, o.status, u.status);
    }
    if (u.filledQty < o.reportedFilledQty || u.filledQty > o.request.qty) {
      return this.#refuse('ORDER_FILL_REGRESSION', u.clientOrderId, `filled ${o.reportedFilledQty} → ${u.filledQty} of ${o.request.qty}`, o.status, u.status);
    }
    const changed = o.status !== u.status || o.reportedFilledQty !== u.filledQty || o.unresolved;
    o.status = u.status;
    o.reportedFilledQty = u.filledQty;
    o.unresolved = false;
    if (u.brokerOrderId !== '') o.brokerOrderId = u.brokerOrderId;
    if (u.reason !== undefined) o.reason = u.reason;
    return { ok: true, order: o, changed };
  }

  /** Applies a broker-reported fill to the order and the position ledger (once per fill id). */
  applyFill(f: Fill): OrderResult {
    const o = this.#orders.get(f.clientOrderId);
    if (o === undefined) return this.#refuse('ORDER_UNKNOWN', f.clientOrderId, `fill ${f.fillId} for no known order`);
    if (this.#fillIds.has(f.fillId)) return this.#refuse('ORDER_DUPLICATE_FILL', f.clientOrderId, `fill ${f.fillId} seen before`);
    if (f.qty <= 0 || o.filledQty + f.qty > o.request.qty) {
      return this.#refuse('ORDER_OVERFILL', f.clientOrderId, `fill of ${f.qty} after ${o.filledQty} of ${o.request.qty}`);
    }
    this.#fillIds.add(f.fillId);
    o.avgFillPrice = (o.avgFillPrice * o.filledQty + f.price * f.qty) / (o.filledQty + f.qty);
    o.filledQty += f.qty;
    o.reportedFilledQty = Math.max(o.reportedFilledQty, o.filledQty);
    o.unresolved = false;
    if (o.brokerOrderId === '') o.brokerOrderId = f.brokerOrderId;
    this.ledger.applyFill(f);
    return { ok: true, order: o, changed: true };
  }

  /** Reconciliation: takes the broker's status as it is, legal or not (the broker is the truth). */
  force(clientOrderId: string, status: OrderStatus, brokerOrderId: string, reason?: string): void {
    const o = this.#orders.get(clientOrderId);
    if (o === undefined) return;
    o.status = status;
    o.unresolved = false;
    if (brokerOrderId !== '') o.brokerOrderId = brokerOrderId;
    if (reason !== undefined) o.reason = reason;
  }

  /** Reconciliation: starts tracking an order found only at the broker (or restored from the journal). */
  adopt(req: OrderRequest, brokerOrderId: string, status: OrderStatus): Readonly<ManagedOrder> {
    const o: ManagedOrder = { request: req, brokerOrderId, status, reportedFilledQty: 0, filledQty: 0, avgFillPrice: 0, unresolved: false };
    this.#orders.set(req.clientOrderId, o);
    return o;
  }

  get(clientOrderId: string): Readonly<ManagedOrder> | undefined {
    return this.#orders.get(clientOrderId);
  }

  /** Orders not in a terminal status, or with fills still to come, by client order id. */
  open(): Readonly<ManagedOrder>[] {
    return this.all().filter((o) => !isTerminalStatus(o.status) || o.unresolved);
  }

  all(): Readonly<ManagedOrder>[] {
    return [...this.#orders.values()].sort((a, b) => (a.request.clientOrderId < b.request.clientOrderId ? -1 : 1));
  }

  get refusedTotal(): number {
    let n = 0;
    for (const v of this.refusals.values()) n += v;
    return n;
  }

  #create(req: OrderRequest): ManagedOrder {
    const o: ManagedOrder = { request: req, brokerOrderId: '', status: 'TRANSIT', reportedFilledQty: 0, filledQty: 0, avgFillPrice: 0, unresolved: true };
    this.#orders.set(req.clientOrderId, o);
    return o;
  }

  #refuse(code: OrderRefusalCode, clientOrderId: string, reason: string, from?: OrderStatus, to?: OrderStatus): OrderResult {
    this.refusals.set(code, (this.refusals.get(code) ?? 0) + 1);
    return { ok: false, code, clientOrderId, reason, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
  }
}
