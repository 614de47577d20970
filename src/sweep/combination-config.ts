import { ConfigError, type EngineConfig, parseConfig } from '../config/index.js';
import { scannerRegistry } from '../scanners/index.js';
import { SweepError } from './errors.js';
import type { Combination } from './expand-grid.js';

type Node = Record<string, unknown>;
const isObject = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The base config with a combination's values set at their dotted paths, validated exactly like a config file
 * (unknown keys and out-of-range values refused with their path) and deep-frozen.
 */
export const combinationConfig = (base: Readonly<EngineConfig>, c: Combination): Readonly<EngineConfig> => {
  const raw = structuredClone(base) as unknown as Node;
  for (const [path, value] of Object.entries(c.params)) {
    const keys = path.split('.');
    let node = raw;
    keys.slice(0, -1).forEach((k, i) => {
      const next = node[k] ?? (node[k] = {});
      if (!isObject(next)) {
        throw new SweepError('SWEEP_COMBINATION_INVALID', `grid key ${path}: ${keys.slice(0, i + 1).join('.')} is not a section of the config`, { path });
      }
      node = next;
    });
    node[keys[keys.length - 1] ?? path] = structuredClone(value);
  }
  try {
    return parseConfig(raw, scannerRegistry, `grid combination ${c.id} (${Object.keys(c.params).join(', ')})`);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    throw new SweepError('SWEEP_COMBINATION_INVALID', e.message, { combination: c.id, params: c.params, issues: e.issues }, { cause: e });
  }
};

/** Re-validates a config that crossed a thread or a queue as plain JSON (same checks, deep-frozen again). */
export const reviveConfig = (raw: unknown, source: string): Readonly<EngineConfig> => parseConfig(raw, scannerRegistry, source);
