import { parse as parseYaml } from 'yaml';
import type { CliOverride } from './env-overrides.js';
import { ConfigError } from './errors.js';

/**
 * `--set key=value`: the value is read as a YAML scalar or flow value, so `3` is a number, `false` a boolean,
 * `[a, b]` a list and `09:15` a string.
 */
export const parseSetOption = (s: string): CliOverride => {
  const eq = s.indexOf('=');
  const key = eq < 0 ? '' : s.slice(0, eq).trim();
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(key)) throw new ConfigError([`--set ${s}: expected key=value with a dotted key, e.g. risk.maxOpenPositions=3`], 'command line');
  const text = s.slice(eq + 1);
  let value: unknown;
  try {
    value = text.trim() === '' ? '' : (parseYaml(text) as unknown);
  } catch (e) {
    throw new ConfigError([`--set ${key}: cannot read the value: ${e instanceof Error ? e.message : String(e)}`], 'command line');
  }
  return { key, value, name: '--set' };
};
