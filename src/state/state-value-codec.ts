import { fromJsonText, toJsonText } from './json-value.js';
import { isWindowBytes, windowFromBytes } from './window-bytes.js';

/** A state value with a binary form (a window): stores that can keep bytes write that instead of JSON text. */
export interface BinaryStateValue {
  toStateBytes(): Uint8Array | undefined;
}

const utf8 = new TextDecoder();

const isBinary = (v: unknown): v is BinaryStateValue =>
  typeof v === 'object' && v !== null && typeof (v as { toStateBytes?: unknown }).toStateBytes === 'function';

/** What a value is stored as: its binary form when it has one, else its JSON text; undefined when it has neither. */
export const encodeStateValue = (v: unknown): Uint8Array | string | undefined => (isBinary(v) ? v.toStateBytes() : toJsonText(v));

/** A stored value read back: a window in binary form becomes its snapshot, anything else is JSON. */
export const decodeStateValue = (key: string, stored: Uint8Array | string): unknown => {
  if (typeof stored !== 'string' && isWindowBytes(stored)) return windowFromBytes(stored);
  return fromJsonText(key, typeof stored === 'string' ? stored : utf8.decode(stored));
};

/** The value as a store returns it after a write and a read (the in-memory store's copy, a buffered Redis read). */
export const roundTripStateValue = (key: string, v: unknown): unknown => {
  const enc = encodeStateValue(v);
  return enc === undefined ? undefined : decodeStateValue(key, enc);
};
