import type { Observable } from 'rxjs';
import type { Bar } from '../types/bar.js';
import type { BrokerOrder, BrokerPosition, Fill, OrderModification, OrderRequest, OrderUpdate } from '../types/order.js';

/** The four outcomes of placing an order (ARCHITECTURE.md, BrokerPort). */
export type PlaceOutcome =
  | { readonly kind: 'accepted'; readonly brokerOrderId: string }
  | { readonly kind: 'rejected'; readonly code: string; readonly reason: string }
  | { readonly kind: 'denied'; readonly code: string; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string };

export type CancelOutcome =
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'rejected'; readonly code: string; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string };

export interface BrokerPort {
  place(req: OrderRequest): Promise<PlaceOutcome>;
  cancel(clientOrderId: string): Promise<CancelOutcome>;
  /** Orders still working at the broker (for reconciliation). */
  openOrders(): Promise<readonly OrderRequest[]>;
  readonly fills$: Observable<Fill>;
  readonly updates$: Observable<OrderUpdate>;
}

export type ModifyOutcome =
  | { readonly kind: 'modified' }
  | { readonly kind: 'rejected'; readonly code: string; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string };

/** What reconciliation reads from a real broker: its order book and net positions (today). */
export interface BrokerQueries {
  orderBook(): Promise<readonly BrokerOrder[]>;
  positions(): Promise<readonly BrokerPosition[]>;
  modify(clientOrderId: string, change: OrderModification): Promise<ModifyOutcome>;
}

/** A broker that matches resting orders against market bars (the simulator used by paper and backtest). */
export interface BarMatcher {
  /** Called for each bar before windows and scanners see it (no look-ahead). */
  matchBar(bar: Bar): void;
}
