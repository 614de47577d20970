import { readFileSync } from 'node:fs';
import { ConfigError } from './errors.js';
import { type ScannerSchemas, configRules } from './cross-field-rules.js';
import { deepFreeze } from './deep-freeze.js';
import { type EngineConfig, engineConfigSchema } from './schema.js';

/** Validates a raw config object in two stages (shape, then named cross-field rules) and deep-freezes it. */
export const parseConfig = (raw: unknown, scanners: ScannerSchemas, source = 'config'): Readonly<EngineConfig> => {
  const shape = engineConfigSchema.safeParse(raw);
  if (!shape.success) {
    throw new ConfigError(shape.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`), source);
  }
  const problems = configRules.flatMap((r) => r.check(shape.data, scanners));
  if (problems.length > 0) throw new ConfigError(problems, source);
  return deepFreeze(shape.data);
};

/** Reads a JSON config file; a missing or unparsable file is a ConfigError naming it. */
export const loadConfigFile = (path: string, scanners: ScannerSchemas): Readonly<EngineConfig> => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError([`cannot read file: ${e instanceof Error ? e.message : String(e)}`], path);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError([`not valid JSON: ${e instanceof Error ? e.message : String(e)}`], path);
  }
  return parseConfig(raw, scanners, path);
};
