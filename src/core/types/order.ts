import type { Side } from './signal.js';
import type { EpochMs, Paise, Qty } from './units.js';

export type OrderType = 'MARKET' | 'LIMIT' | 'STOP_LOSS_MARKET';
/** Dhan's order statuses (dhan-protocol.md §3.6). */
export type OrderStatus = 'TRANSIT' | 'PENDING' | 'PART_TRADED' | 'TRADED' | 'REJECTED' | 'CANCELLED' | 'EXPIRED';
/** Why the engine sent the order. */
export type OrderPurpose = 'ENTRY' | 'TARGET' | 'STOP' | 'SQUARE_OFF';

/** What the engine wants after the risk gate sized a signal. */
export interface OrderIntent {
  readonly signalId: string;
  readonly scannerId: string;
  readonly symbol: string;
  readonly symbolId: number;
  readonly side: Side;
  readonly qty: Qty;
  readonly entry: Paise;
  readonly target: Paise;
  readonly stopLoss: Paise;
  readonly atMs: EpochMs;
}

/** One order as sent to a broker. `clientOrderId` doubles as Dhan's correlationId. */
export interface OrderRequest {
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly symbolId: number;
  readonly side: Side;
  readonly qty: Qty;
  readonly type: OrderType;
  /** LIMIT price. */
  readonly limitPrice?: Paise;
  /** STOP_LOSS_MARKET trigger. */
  readonly triggerPrice?: Paise;
  readonly purpose: OrderPurpose;
  readonly scannerId: string;
  readonly signalId: string;
  /** Orders sharing a group cancel each other when one fills (target/stop bracket). */
  readonly ocoGroup?: string;
  readonly atMs: EpochMs;
}

/** A broker-reported execution. Positions change only on these. */
export interface Fill {
  readonly fillId: string;
  readonly clientOrderId: string;
  readonly brokerOrderId: string;
  readonly symbol: string;
  readonly symbolId: number;
  readonly side: Side;
  readonly qty: Qty;
  readonly price: Paise;
  readonly atMs: EpochMs;
  readonly purpose: OrderPurpose;
  readonly scannerId: string;
  readonly signalId: string;
}

export interface OrderUpdate {
  readonly clientOrderId: string;
  readonly brokerOrderId: string;
  readonly status: OrderStatus;
  readonly filledQty: number;
  readonly atMs: EpochMs;
  readonly reason?: string;
}

/** Dhan's terminal statuses: nothing changes an order after one of these. */
export const TERMINAL_STATUSES: readonly OrderStatus[] = ['TRADED', 'REJECTED', 'CANCELLED', 'EXPIRED'];
export const isTerminalStatus = (s: OrderStatus): boolean => TERMINAL_STATUSES.includes(s);

/** An order as the broker reports it (order book row or order-update message), in engine units. */
export interface BrokerOrder {
  /** The engine's clientOrderId (Dhan correlationId); empty for orders placed elsewhere. */
  readonly clientOrderId: string;
  readonly brokerOrderId: string;
  readonly symbol: string;
  readonly side: Side;
  readonly qty: number;
  readonly type: OrderType;
  readonly status: OrderStatus;
  /** Cumulative filled quantity. */
  readonly filledQty: number;
  /** Average price of the filled quantity (0 when nothing filled). */
  readonly avgFillPrice: Paise;
  readonly limitPrice?: Paise;
  readonly triggerPrice?: Paise;
  readonly reason?: string;
  readonly updatedMs: EpochMs;
}

/** A net position as the broker reports it. */
export interface BrokerPosition {
  readonly symbol: string;
  /** Signed: positive long, negative short, 0 flat. */
  readonly netQty: number;
  /** Average price of the open quantity. */
  readonly avgPrice: Paise;
  readonly realisedPaise: number;
}

/** Changes to a working order; `qty` is the original quantity (Dhan v2). */
export interface OrderModification {
  readonly qty?: Qty;
  readonly type?: OrderType;
  readonly limitPrice?: Paise;
  readonly triggerPrice?: Paise;
}
