import type { SymbolWindow } from './symbol-window.js';
import { StateError } from './errors.js';
import type { WindowSnapshot, WindowSnapshotMeta } from './window-snapshot.js';

/** The first bytes of a window in binary form ("TEW1"); JSON text never starts with them. */
export const WINDOW_BYTES_MAGIC = [0x54, 0x45, 0x57, 0x31] as const;
const COLUMNS = 6;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
/** Float64Array writes straight into the bytes only on a little-endian host (every platform we run on). */
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;
const HEAD = 24;
const align8 = (n: number): number => (n + 7) & ~7;

/**
 * A window in the binary form the Redis store writes (the JSON snapshot costs a JSON number per value: a flush of
 * 1,000 windows took about 40 ms of the event loop, mostly JSON.stringify and its garbage). Little-endian:
 * "TEW1", u16 symbol length, u16 zero, i32 day, i32 barOfDay, i32 barMs, i32 n, the symbol (UTF-8) padded to a
 * multiple of 8 bytes, then the newest `n` bars oldest first as six float64 columns (endMs, open, high, low, close,
 * volume). Read back as a v1 WindowSnapshot.
 */
export const windowToBytes = (w: SymbolWindow, meta: WindowSnapshotMeta): Uint8Array | undefined => {
  const n = Math.min(w.length, meta.maxBars ?? w.length);
  if (n === 0) return undefined;
  const symbol = encoder.encode(meta.symbol);
  const colsAt = HEAD + align8(symbol.length);
  const bytes = new Uint8Array(colsAt + COLUMNS * 8 * n);
  const view = new DataView(bytes.buffer);
  bytes.set(WINDOW_BYTES_MAGIC, 0);
  view.setUint16(4, symbol.length, true);
  view.setInt32(8, meta.day, true);
  view.setInt32(12, meta.barOfDay, true);
  view.setInt32(16, meta.barMs, true);
  view.setInt32(20, n, true);
  bytes.set(symbol, HEAD);
  if (LITTLE_ENDIAN) {
    w.packInto(new Float64Array(bytes.buffer, colsAt, COLUMNS * n), n);
  } else {
    const cols = new Float64Array(COLUMNS * n);
    w.packInto(cols, n);
    cols.forEach((v, i) => view.setFloat64(colsAt + 8 * i, v, true));
  }
  return bytes;
};

/** Whether stored bytes are a window in binary form. */
export const isWindowBytes = (b: Uint8Array): boolean => WINDOW_BYTES_MAGIC.every((m, i) => b[i] === m);

const invalid = (why: string): never => {
  throw new StateError('STATE_SNAPSHOT_INVALID', `invalid window bytes: ${why}`);
};

const utf8 = (b: Uint8Array): string => {
  try {
    return decoder.decode(b);
  } catch {
    return invalid('the symbol is not UTF-8');
  }
};

/** Decodes `windowToBytes` into the v1 snapshot shape (deltas and offsets, as encodeWindow gives them). */
export const windowFromBytes = (b: Uint8Array): WindowSnapshot => {
  if (b.length < HEAD || !isWindowBytes(b)) invalid('no TEW1 header');
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const len = view.getUint16(4, true);
  const [day, barOfDay, barMs, n] = [8, 12, 16, 20].map((o) => view.getInt32(o, true)) as [number, number, number, number];
  const off = HEAD + align8(len);
  if (n < 1 || b.length !== off + COLUMNS * 8 * n) invalid(`${b.length} bytes do not hold ${n} bars`);
  const symbol = utf8(b.subarray(HEAD, HEAD + len));
  if (symbol.length === 0) invalid('no symbol');
  const at = (k: number, j: number): number => {
    const v = view.getFloat64(off + 8 * (k * n + j), true);
    return Number.isFinite(v) ? v : invalid('a value is not finite');
  };
  const e: number[] = [], o: number[] = [], h: number[] = [], l: number[] = [], c: number[] = [], vol: number[] = [];
  for (let j = 0; j < n; j++) {
    const close = at(4, j);
    e.push(j === 0 ? 0 : at(0, j) - at(0, j - 1));
    c.push(j === 0 ? 0 : close - at(4, j - 1));
    o.push(at(1, j) - close);
    h.push(at(2, j) - close);
    l.push(at(3, j) - close);
    vol.push(at(5, j));
  }
  return { v: 1, symbol, day, barOfDay, barMs, e0: at(0, 0), c0: at(4, 0), e, o, h, l, c, vol };
};
