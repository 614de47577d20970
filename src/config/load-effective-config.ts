import { isPlainObject, schemaHasPath, setPath } from './config-path.js';
import { type ScannerSchemas } from './cross-field-rules.js';
import { type CliOverride, type ConfigOverride, type Env, envOverrideTable, envValue } from './env-overrides.js';
import { ConfigError } from './errors.js';
import { parseConfig, parseConfigText, readConfigText } from './load-config.js';
import { type EngineConfig, engineConfigSchema } from './schema.js';
import { startupRules } from './startup-rules.js';

export interface LoadConfigOptions {
  readonly file: string;
  readonly scanners: ScannerSchemas;
  /** The process environment (default: none, so no environment overrides and no startup rules). */
  readonly env?: Env;
  readonly cli?: readonly CliOverride[];
  /** The file's text when the caller has already read it (the watcher). */
  readonly text?: string;
}

export interface LoadedConfig {
  readonly config: Readonly<EngineConfig>;
  readonly file: string;
  /** Every key set by the environment or the CLI, in the order applied; the caller logs them. */
  readonly overrides: readonly ConfigOverride[];
  /** Environment variables that are set but map to a key this build does not have. */
  readonly ignored: readonly { readonly name: string; readonly key: string }[];
}

/**
 * The effective config: the file, then the environment, then the CLI (CLI > environment > file), validated in
 * two stages, then the startup rules that need the environment (mode live needs a token), then deep-frozen.
 */
export const loadConfig = (o: LoadConfigOptions): LoadedConfig => {
  const parsed = parseConfigText(o.text ?? readConfigText(o.file), o.file);
  const raw: unknown = structuredClone(parsed);
  if (!isPlainObject(raw)) throw new ConfigError(['(root): expected an object of config sections'], o.file);
  const overrides: ConfigOverride[] = [];
  const ignored: { name: string; key: string }[] = [];
  const problems: string[] = [];
  const apply = (key: string, value: unknown, ov: ConfigOverride): void => {
    const problem = setPath(raw, key, value);
    if (problem === undefined) overrides.push(ov);
    else problems.push(`${problem} (override from ${ov.name})`);
  };
  for (const { name, key } of envOverrideTable) {
    const v = o.env === undefined ? undefined : envValue(o.env, name);
    if (v === undefined) continue;
    if (schemaHasPath(engineConfigSchema, key)) apply(key, v, { key, source: 'env', name });
    else ignored.push({ name, key });
  }
  for (const c of o.cli ?? []) apply(c.key, c.value, { key: c.key, source: 'cli', name: c.name });
  if (problems.length > 0) throw new ConfigError(problems, o.file);
  const config = parseConfig(raw, o.scanners, o.file);
  const startup = o.env === undefined ? [] : startupRules.flatMap((r) => r.check(config, o.env ?? {}));
  if (startup.length > 0) throw new ConfigError(startup, o.file);
  return { config, file: o.file, overrides, ignored };
};
