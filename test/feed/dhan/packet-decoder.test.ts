import { describe, expect, it } from 'vitest';
import { type DropReason, type FeedPacket, decodeFrame, scanTrades } from '../../../src/feed/dhan/index.js';

/** Test vectors written by hand from the byte tables of ../shared/dhan-protocol.md §1.5-1.7 (little-endian). */
const hex = (s: string): Buffer => Buffer.from(s.replace(/[\s|]/g, ''), 'hex');
// LTT 0x677b9f32 = 1736154930 = "2025-01-06 09:15:30" IST written as if UTC → true UTC 03:45:30.
const LTT_UTC_MS = Date.UTC(2025, 0, 6, 3, 45, 30);

const decodeAll = (frame: Buffer) => {
  const packets: FeedPacket[] = [];
  const drops: DropReason[] = [];
  decodeFrame(frame, (p) => packets.push(p), (r) => drops.push(r));
  return { packets, drops };
};

describe('decodeFrame: each documented packet', () => {
  it('ticker (code 2, 16 bytes): LTP float32 and LTT converted from IST-as-UTC to true UTC', () => {
    const { packets, drops } = decodeAll(hex('02 1000 01 35050000 | 00509a44 | 329f7b67'));
    expect(drops).toEqual([]);
    expect(packets).toEqual([{ kind: 'ticker', code: 2, segment: 1, securityId: 1333, ltp: 1234.5, lttUtcMs: LTT_UTC_MS }]);
  });

  it('quote (code 4, 50 bytes): fields in the wire order open, close, high, low', () => {
    const frame = hex('04 3200 01 35050000 | 00509a44 | 0a00 | 329f7b67 | cd2c9a44 | 87d61200 | 88130000 | c0120000 | 00c89944 | 00e09944 | 00189b44 | 00909844');
    expect(frame.length).toBe(50);
    const [p] = decodeAll(frame).packets;
    expect(p).toMatchObject({
      kind: 'quote', securityId: 1333, ltp: 1234.5, ltq: 10, lttUtcMs: LTT_UTC_MS, volume: 1_234_567, totalSellQty: 5000, totalBuyQty: 4800,
      dayOpen: 1230.25, dayClose: 1231, dayHigh: 1240.75, dayLow: 1220.5,
    });
    expect(p?.kind === 'quote' && p.atp).toBeCloseTo(1233.4, 4);
  });

  it('OI (code 5), previous close (code 6) and disconnect (code 50)', () => {
    expect(decodeAll(hex('05 0c00 02 f4d90000 | 06120f00')).packets).toEqual([{ kind: 'oi', code: 5, segment: 2, securityId: 55796, oi: 987_654 }]);
    expect(decodeAll(hex('06 1000 00 0d000000 | 00e09944 | 06120f00')).packets)
      .toEqual([{ kind: 'prevClose', code: 6, segment: 0, securityId: 13, prevClose: 1231, prevOi: 987_654 }]);
    expect(decodeAll(hex('32 0a00 00 00000000 | 2503')).packets).toEqual([{ kind: 'disconnect', code: 50, segment: 0, securityId: 0, reason: 805 }]);
  });

  it('full (code 8, 162 bytes): the golden capture of the protocol document (NSE_FNO 55796, LTP 152.30, LTQ 75, 5th level 152.10/152.80)', () => {
    const frame = Buffer.alloc(162);
    hex('08 a2 00 02 f4 d9 00 00 cd 4c 18 43 4b 00').copy(frame, 0);
    hex('9a 19 18 43 cd cc 18 43').copy(frame, 154);
    const [p] = decodeAll(frame).packets;
    expect(p?.kind).toBe('full');
    if (p?.kind !== 'full') return;
    expect(p.segment).toBe(2);
    expect(p.securityId).toBe(55_796);
    expect(p.ltp).toBeCloseTo(152.3, 4);
    expect(p.ltq).toBe(75);
    expect(p.depth).toHaveLength(5);
    expect(p.depth[4]?.bidPrice).toBeCloseTo(152.1, 4);
    expect(p.depth[4]?.askPrice).toBeCloseTo(152.8, 4);
  });

  it('full: OI, day OHLC at 46-58 and depth level fields at 62 + 20·i', () => {
    const frame = Buffer.alloc(162);
    hex('08 a200 01 35050000').copy(frame, 0);
    frame.writeUInt32LE(987_654, 34);
    frame.writeFloatLE(1230.25, 46);
    frame.writeFloatLE(1240.75, 54);
    hex('64000000 78000000 0300 0400 00509a44 00189b44').copy(frame, 62); // level 0: 100/120 qty, 3/4 orders, 1234.5/1240.75
    const [p] = decodeAll(frame).packets;
    if (p?.kind !== 'full') throw new Error('not full');
    expect(p.oi).toBe(987_654);
    expect(p.dayOpen).toBe(1230.25);
    expect(p.dayHigh).toBe(1240.75);
    expect(p.depth[0]).toEqual({ bidQty: 100, askQty: 120, bidOrders: 3, askOrders: 4, bidPrice: 1234.5, askPrice: 1240.75 });
  });

  it('reads quantities unsigned (a volume above 2^31)', () => {
    const frame = hex('04 3200 01 35050000 | 00509a44 | ffff | 329f7b67 | cd2c9a44 | 00000080 | 88130000 | c0120000 | 00c89944 | 00e09944 | 00189b44 | 00909844');
    const [p] = decodeAll(frame).packets;
    expect(p).toMatchObject({ ltq: 65_535, volume: 2 ** 31 });
  });
});

describe('decodeFrame: stacked and malformed frames', () => {
  it('decodes several packets stacked in one frame by their length fields', () => {
    const frame = Buffer.concat([hex('02 1000 01 35050000 00509a44 329f7b67'), hex('05 0c00 02 f4d90000 06120f00')]);
    expect(decodeAll(frame).packets.map((p) => p.kind)).toEqual(['ticker', 'oi']);
  });

  it.each([
    ['a frame shorter than the header', '02 1000 01', ['short_frame']],
    ['a length that overruns the frame', '02 c800 01 35050000 00509a44', ['bad_length']],
    ['a length below the header size', '02 0400 01 35050000 00509a44 329f7b67', ['bad_length']],
    ['a length wrong for its code', '04 1000 01 35050000 00509a44 329f7b67', ['length_mismatch']],
    ['an unknown response code', '63 0800 01 35050000', ['unknown_code']],
    ['the undocumented index packet (code 1)', '01 0800 00 0d000000', ['unknown_code']],
    ['trailing bytes after a good packet', '02 1000 01 35050000 00509a44 329f7b67 0102', ['short_frame']],
  ])('counts %s by reason and drops it without throwing', (_what, bytes, reasons) => {
    const { drops } = decodeAll(hex(bytes));
    expect(drops).toEqual(reasons);
  });

  it('keeps the good packets before a bad one in the same frame', () => {
    const { packets, drops } = decodeAll(Buffer.concat([hex('02 1000 01 35050000 00509a44 329f7b67'), hex('02 ff00 01 00000000')]));
    expect(packets).toHaveLength(1);
    expect(drops).toEqual(['bad_length']);
  });
});

describe('scanTrades (the allocation-free hot path)', () => {
  const frames = [
    hex('02 1000 01 35050000 | 00509a44 | 329f7b67'),
    hex('04 3200 01 35050000 | 00509a44 | 0a00 | 329f7b67 | cd2c9a44 | 87d61200 | 88130000 | c0120000 | 00c89944 | 00e09944 | 00189b44 | 00909844'),
    Buffer.concat([hex('05 0c00 02 f4d90000 06120f00'), hex('02 1000 01 35050000 00509a44 329f7b67')]),
    hex('04 1000 01 35050000 00509a44 329f7b67'),
    hex('63 0800 01 35050000'),
    hex('02 1000 01'),
  ];

  it('gives the same trades and the same drops as decodeFrame', () => {
    for (const f of frames) {
      const viaDecode: unknown[] = [];
      const dropsA: DropReason[] = [];
      const nA = decodeFrame(f, (p) => {
        if (p.kind === 'ticker') viaDecode.push([p.segment, p.securityId, p.ltp, undefined, p.lttUtcMs]);
        if (p.kind === 'quote' || p.kind === 'full') viaDecode.push([p.segment, p.securityId, p.ltp, p.volume, p.lttUtcMs]);
      }, (r) => dropsA.push(r));
      const viaScan: unknown[] = [];
      const dropsB: DropReason[] = [];
      const nB = scanTrades(f, (...a) => viaScan.push(a), (r) => dropsB.push(r));
      expect(viaScan).toEqual(viaDecode);
      expect(dropsB).toEqual(dropsA);
      expect(nB).toBe(nA);
    }
  });
});

