export { DhanFeed, type DhanFeedOptions, type FeedStats } from './dhan-feed.js';
export { FeedConnection, type ConnectionEvent } from './feed-connection.js';
export { decodeFrame, scanTrades, type PacketSink, type DropSink, type TradeSink } from './packet-decoder.js';
export type { FeedPacket, DropReason, DepthLevel } from './packets.js';
export { type Instrument, planConnections, subscribeMessages, feedUrl, redactUrl } from './subscription-plan.js';
export * from './wire.js';
