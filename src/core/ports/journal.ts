import type { Fill, OrderRequest, OrderUpdate } from '../types/order.js';
import type { Signal } from '../types/signal.js';

export interface OrderDenied {
  readonly signalId: string;
  readonly scannerId: string;
  readonly symbol: string;
  readonly code: string;
  readonly reason: string;
  readonly atMs: number;
}

/** Append-only record of what the engine decided and what the broker did. */
export type JournalRecord =
  | { readonly kind: 'signal'; readonly signal: Signal }
  | { readonly kind: 'denial'; readonly denial: OrderDenied }
  | { readonly kind: 'order'; readonly order: OrderRequest; readonly outcome: string }
  | { readonly kind: 'update'; readonly update: OrderUpdate }
  | { readonly kind: 'fill'; readonly fill: Fill };

export interface Journal {
  append(record: JournalRecord): void;
  flush(): Promise<void>;
}
