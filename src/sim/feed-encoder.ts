/**
 * The simulator's own encoder of Dhan feed packets (written from ../shared/dhan-protocol.md §1.5-1.7, independent
 * of the client's decoder). Prices go through float32 as on the real wire; LTT is IST wall-clock seconds.
 */
export const IST_OFFSET_SECONDS = 19_800;

export interface SimQuote {
  readonly segment: number;
  readonly securityId: number;
  readonly ltp: number;
  readonly ltq: number;
  readonly utcMs: number;
  readonly atp: number;
  readonly volume: number;
  readonly totalSell: number;
  readonly totalBuy: number;
  readonly open: number;
  readonly close: number;
  readonly high: number;
  readonly low: number;
}

const header = (v: DataView, code: number, len: number, segment: number, securityId: number): void => {
  v.setUint8(0, code);
  v.setUint16(1, len, true);
  v.setUint8(3, segment);
  v.setUint32(4, securityId, true);
};

const ltt = (utcMs: number): number => Math.floor(utcMs / 1000) + IST_OFFSET_SECONDS;

const packet = (len: number): [Buffer, DataView] => {
  const b = Buffer.alloc(len);
  return [b, new DataView(b.buffer, b.byteOffset, len)];
};

export const encodeTicker = (q: SimQuote): Buffer => {
  const [b, v] = packet(16);
  header(v, 2, 16, q.segment, q.securityId);
  v.setFloat32(8, q.ltp, true);
  v.setUint32(12, ltt(q.utcMs), true);
  return b;
};

const quoteBody = (v: DataView, q: SimQuote): void => {
  v.setFloat32(8, q.ltp, true);
  v.setUint16(12, Math.min(q.ltq, 65_535), true);
  v.setUint32(14, ltt(q.utcMs), true);
  v.setFloat32(18, q.atp, true);
  v.setUint32(22, q.volume, true);
  v.setUint32(26, q.totalSell, true);
  v.setUint32(30, q.totalBuy, true);
};

export const encodeQuote = (q: SimQuote): Buffer => {
  const [b, v] = packet(50);
  header(v, 4, 50, q.segment, q.securityId);
  quoteBody(v, q);
  v.setFloat32(34, q.open, true);
  v.setFloat32(38, q.close, true);
  v.setFloat32(42, q.high, true);
  v.setFloat32(46, q.low, true);
  return b;
};

/** Full packet: quote fields, OI (zero for equities), day OHLC, then five depth levels around the LTP. */
export const encodeFull = (q: SimQuote, tick: number): Buffer => {
  const [b, v] = packet(162);
  header(v, 8, 162, q.segment, q.securityId);
  quoteBody(v, q);
  v.setFloat32(46, q.open, true);
  v.setFloat32(50, q.close, true);
  v.setFloat32(54, q.high, true);
  v.setFloat32(58, q.low, true);
  for (let i = 0; i < 5; i++) {
    const o = 62 + i * 20;
    v.setUint32(o, 100 * (i + 1), true);
    v.setUint32(o + 4, 120 * (i + 1), true);
    v.setUint16(o + 8, i + 1, true);
    v.setUint16(o + 10, i + 2, true);
    v.setFloat32(o + 12, q.ltp - tick * (i + 1), true);
    v.setFloat32(o + 16, q.ltp + tick * (i + 1), true);
  }
  return b;
};

export const encodePrevClose = (segment: number, securityId: number, prevClose: number): Buffer => {
  const [b, v] = packet(16);
  header(v, 6, 16, segment, securityId);
  v.setFloat32(8, prevClose, true);
  v.setUint32(12, 0, true);
  return b;
};

export const encodeDisconnect = (reason: number): Buffer => {
  const [b, v] = packet(10);
  header(v, 50, 10, 0, 0);
  v.setUint16(8, reason, true);
  return b;
};

/** Frames that break the protocol in each way a client must survive. */
export const malformedFrames = (): Buffer[] => [
  Buffer.from([2, 16, 0]),                                        // shorter than a header
  Buffer.from([2, 200, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), // length overruns the frame
  Buffer.from([4, 16, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),  // quote code with a ticker's length
  Buffer.from([99, 8, 0, 1, 1, 0, 0, 0]),                          // unknown response code
];
