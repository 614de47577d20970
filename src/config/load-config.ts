import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatIssues } from './config-path.js';
import { ConfigError } from './errors.js';
import { type ScannerSchemas, configRules } from './cross-field-rules.js';
import { deepFreeze } from './deep-freeze.js';
import { type EngineConfig, engineConfigSchema } from './schema.js';

/** Validates a raw config object in two stages (shape, then named cross-field rules) and deep-freezes it. */
export const parseConfig = (raw: unknown, scanners: ScannerSchemas, source = 'config'): Readonly<EngineConfig> => {
  const shape = engineConfigSchema.safeParse(raw);
  if (!shape.success) throw new ConfigError(formatIssues(shape.error.issues), source);
  const problems = configRules.flatMap((r) => r.check(shape.data, scanners));
  if (problems.length > 0) throw new ConfigError(problems, source);
  return deepFreeze(shape.data);
};

/** Parses config text by the file's extension: .yaml/.yml (YAML 1.2, duplicate keys refused) or .json. */
export const parseConfigText = (text: string, path: string): unknown => {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') {
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new ConfigError([`not valid JSON: ${e instanceof Error ? e.message : String(e)}`], path);
    }
  }
  if (ext === '.yaml' || ext === '.yml') {
    try {
      // an empty document (only comments) is an empty config: every default applies
      return (parseYaml(text, { uniqueKeys: true, prettyErrors: true }) as unknown) ?? {};
    } catch (e) {
      throw new ConfigError([`not valid YAML: ${e instanceof Error ? e.message : String(e)}`], path);
    }
  }
  throw new ConfigError([`unsupported config file type "${ext}": use .yaml, .yml or .json`], path);
};

/** Reads a config file's text; a missing file is a ConfigError naming it. */
export const readConfigText = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError([`cannot read file: ${e instanceof Error ? e.message : String(e)}`], path);
  }
};

/** Reads and validates a YAML or JSON config file, with no environment or CLI overrides (replay, tests). */
export const loadConfigFile = (path: string, scanners: ScannerSchemas): Readonly<EngineConfig> =>
  parseConfig(parseConfigText(readConfigText(path), path), scanners, path);
