/** Decoded Dhan feed packets. Prices stay float32 values as sent; quantities are read unsigned. */
export interface PacketHeader {
  readonly code: number;
  readonly segment: number;
  readonly securityId: number;
}

export interface DepthLevel {
  readonly bidQty: number;
  readonly askQty: number;
  readonly bidOrders: number;
  readonly askOrders: number;
  readonly bidPrice: number;
  readonly askPrice: number;
}

export interface TickerPacket extends PacketHeader { readonly kind: 'ticker'; readonly ltp: number; readonly lttUtcMs: number }
export interface QuotePacket extends PacketHeader {
  readonly kind: 'quote';
  readonly ltp: number; readonly ltq: number; readonly lttUtcMs: number; readonly atp: number; readonly volume: number;
  readonly totalSellQty: number; readonly totalBuyQty: number;
  readonly dayOpen: number; readonly dayClose: number; readonly dayHigh: number; readonly dayLow: number;
}
export interface FullPacket extends PacketHeader {
  readonly kind: 'full';
  readonly ltp: number; readonly ltq: number; readonly lttUtcMs: number; readonly atp: number; readonly volume: number;
  readonly totalSellQty: number; readonly totalBuyQty: number; readonly oi: number; readonly oiDayHigh: number; readonly oiDayLow: number;
  readonly dayOpen: number; readonly dayClose: number; readonly dayHigh: number; readonly dayLow: number;
  readonly depth: readonly DepthLevel[];
}
export interface OiPacket extends PacketHeader { readonly kind: 'oi'; readonly oi: number }
export interface PrevClosePacket extends PacketHeader { readonly kind: 'prevClose'; readonly prevClose: number; readonly prevOi: number }
export interface MarketStatusPacket extends PacketHeader { readonly kind: 'marketStatus' }
export interface DisconnectPacket extends PacketHeader { readonly kind: 'disconnect'; readonly reason: number }

export type FeedPacket = TickerPacket | QuotePacket | FullPacket | OiPacket | PrevClosePacket | MarketStatusPacket | DisconnectPacket;

/** Why a frame or packet was dropped; counted, never thrown. */
export type DropReason = 'short_frame' | 'bad_length' | 'length_mismatch' | 'unknown_code' | 'text_frame';
