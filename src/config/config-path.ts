import { z } from 'zod';

/** A plain object (not an array, not null): the only thing a dotted path can walk through. */
export const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export const getPath = (obj: unknown, path: string): unknown => {
  let cur = obj;
  for (const k of path.split('.')) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
};

/**
 * Sets `path` in a mutable plain object, creating missing objects on the way; `undefined` deletes the key.
 * Returns a problem when something in the way is not an object.
 */
export const setPath = (obj: Record<string, unknown>, path: string, value: unknown): string | undefined => {
  const keys = path.split('.');
  let cur: Record<string, unknown> = obj;
  for (const [i, k] of keys.slice(0, -1).entries()) {
    const next = cur[k];
    if (next === undefined) cur[k] = {};
    else if (!isPlainObject(next)) return `${keys.slice(0, i + 1).join('.')}: is not an object, so ${path} cannot be set`;
    cur = cur[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] ?? '';
  if (value === undefined) delete cur[last];
  else cur[last] = value;
  return undefined;
};

const unwrap = (s: z.ZodType): z.ZodType => {
  let cur = s;
  for (;;) {
    const inner = (cur as unknown as { _zod: { def: { innerType?: z.ZodType } } })._zod.def.innerType;
    if (inner === undefined) return cur;
    cur = inner;
  }
};

/** True when the schema has a key at `path` (through defaults, optionals and records). */
export const schemaHasPath = (schema: z.ZodType, path: string): boolean => {
  let cur: z.ZodType = schema;
  for (const k of path.split('.')) {
    const s = unwrap(cur);
    if (s instanceof z.ZodObject) {
      const next = (s.shape as Record<string, z.ZodType | undefined>)[k];
      if (next === undefined) return false;
      cur = next;
    } else if (s instanceof z.ZodRecord) {
      cur = s.valueType as z.ZodType;
    } else return false;
  }
  return true;
};

/** zod issues as "dotted.path: reason" lines; an unknown key names its own path. */
export const formatIssues = (issues: readonly z.core.$ZodIssue[]): string[] =>
  issues.flatMap((i) => {
    const at = i.path.map(String).join('.');
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => `${at === '' ? k : `${at}.${k}`}: unknown key`);
    return [`${at || '(root)'}: ${i.message}`];
  });
