import type { DepthLevel, DropReason, FeedPacket } from './packets.js';
import { DEPTH_LEVELS, DEPTH_LEVEL_BYTES, DEPTH_OFFSET, HEADER_BYTES, LTT_IST_OFFSET_SECONDS, PACKET_BYTES, ResponseCode } from './wire.js';

export type PacketSink = (p: FeedPacket) => void;
export type DropSink = (reason: DropReason) => void;

const lttToUtcMs = (ltt: number): number => (ltt - LTT_IST_OFFSET_SECONDS) * 1000;

/**
 * The framing both decoders share. Real captures carry one packet per frame, but the loop follows the length field
 * in case several are stacked (protocol §1.5). A short frame, a length that does not fit, a length that is wrong
 * for its code, or an unknown code is reported to `drop` and skipped, never thrown. Each valid packet goes to
 * `visit(view, offset, code, ctx)` (a module-level function and its context: nothing is allocated per packet).
 * Returns the number of valid packets.
 */
const forEachPacket = <C>(frame: Uint8Array, drop: DropSink, visit: (v: DataView, off: number, code: number, ctx: C) => void, ctx: C): number => {
  if (frame.byteLength < HEADER_BYTES) {
    drop('short_frame');
    return 0;
  }
  const v = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  let off = 0;
  let n = 0;
  while (frame.byteLength - off >= HEADER_BYTES) {
    const len = v.getUint16(off + 1, true);
    if (len < HEADER_BYTES || off + len > frame.byteLength) {
      drop('bad_length');
      return n;
    }
    const code = v.getUint8(off);
    const expected = PACKET_BYTES[code];
    if (expected === undefined) drop('unknown_code');
    else if (len !== expected) drop('length_mismatch');
    else {
      n++;
      visit(v, off, code, ctx);
    }
    off += len;
  }
  if (off < frame.byteLength) drop('short_frame');
  return n;
};

/** Decodes one binary frame into packet objects (tests, tools); see `forEachPacket` for framing and drops. */
export const decodeFrame = (frame: Uint8Array, emit: PacketSink, drop: DropSink): number =>
  forEachPacket(frame, drop, (v, o, code, sink) => sink(decodePacket(v, o, code)), emit);

const decodePacket = (v: DataView, o: number, code: number): FeedPacket => {
  const segment = v.getUint8(o + 3);
  const securityId = v.getUint32(o + 4, true);
  const f32 = (at: number) => v.getFloat32(o + at, true);
  const u32 = (at: number) => v.getUint32(o + at, true);
  const u16 = (at: number) => v.getUint16(o + at, true);
  switch (code) {
    case ResponseCode.ticker:
      return { kind: 'ticker', code, segment, securityId, ltp: f32(8), lttUtcMs: lttToUtcMs(u32(12)) };
    case ResponseCode.quote:
      return {
        kind: 'quote', code, segment, securityId, ltp: f32(8), ltq: u16(12), lttUtcMs: lttToUtcMs(u32(14)), atp: f32(18), volume: u32(22),
        totalSellQty: u32(26), totalBuyQty: u32(30), dayOpen: f32(34), dayClose: f32(38), dayHigh: f32(42), dayLow: f32(46),
      };
    case ResponseCode.full:
      return {
        kind: 'full', code, segment, securityId, ltp: f32(8), ltq: u16(12), lttUtcMs: lttToUtcMs(u32(14)), atp: f32(18), volume: u32(22),
        totalSellQty: u32(26), totalBuyQty: u32(30), oi: u32(34), oiDayHigh: u32(38), oiDayLow: u32(42),
        dayOpen: f32(46), dayClose: f32(50), dayHigh: f32(54), dayLow: f32(58), depth: decodeDepth(v, o),
      };
    case ResponseCode.oi:
      return { kind: 'oi', code, segment, securityId, oi: u32(8) };
    case ResponseCode.prevClose:
      return { kind: 'prevClose', code, segment, securityId, prevClose: f32(8), prevOi: u32(12) };
    case ResponseCode.marketStatus:
      return { kind: 'marketStatus', code, segment, securityId };
    default: // ResponseCode.disconnect: forEachPacket only passes codes of PACKET_BYTES
      return { kind: 'disconnect', code, segment, securityId, reason: u16(8) };
  }
};

const decodeDepth = (v: DataView, o: number): DepthLevel[] => {
  const levels: DepthLevel[] = [];
  for (let i = 0; i < DEPTH_LEVELS; i++) {
    const b = o + DEPTH_OFFSET + i * DEPTH_LEVEL_BYTES;
    levels.push({
      bidQty: v.getUint32(b, true), askQty: v.getUint32(b + 4, true), bidOrders: v.getUint16(b + 8, true),
      askOrders: v.getUint16(b + 10, true), bidPrice: v.getFloat32(b + 12, true), askPrice: v.getFloat32(b + 16, true),
    });
  }
  return levels;
};

/** A trade print's fields, handed over without allocating (the hot path of the live feed). */
export type TradeSink = (segment: number, securityId: number, ltp: number, cumVolume: number | undefined, lttUtcMs: number) => void;

const visitTrade = (v: DataView, off: number, code: number, trade: TradeSink): void => {
  if (code === ResponseCode.ticker) {
    trade(v.getUint8(off + 3), v.getUint32(off + 4, true), v.getFloat32(off + 8, true), undefined, lttToUtcMs(v.getUint32(off + 12, true)));
  } else if (code === ResponseCode.quote || code === ResponseCode.full) {
    trade(v.getUint8(off + 3), v.getUint32(off + 4, true), v.getFloat32(off + 8, true), v.getUint32(off + 22, true), lttToUtcMs(v.getUint32(off + 14, true)));
  }
};

/**
 * The feed's hot path: the same framing and drops as `decodeFrame`, but ticker, quote and full packets go to
 * `trade` as plain numbers and other valid packets are only counted, so nothing is allocated per tick.
 * Returns the packets that were valid.
 */
export const scanTrades = (frame: Uint8Array, trade: TradeSink, drop: DropSink): number => forEachPacket(frame, drop, visitTrade, trade);
