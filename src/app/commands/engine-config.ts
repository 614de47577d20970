import { fileURLToPath } from 'node:url';
import {
  type CliOverride, ConfigWatcher, type ConfigWatcherOptions, type EngineConfig, type Env, type LoadedConfig, loadConfig, loadConfigFile,
} from '../../config/index.js';
import { scannerRegistry } from '../../scanners/index.js';

export const defaultConfigFile = fileURLToPath(new URL('../../../config/default.json', import.meta.url));

/** Loads and validates the engine config file alone, YAML or JSON (default: config/default.json). Replay uses this. */
export const loadEngineConfig = (path?: string): Readonly<EngineConfig> => loadConfigFile(path ?? defaultConfigFile, scannerRegistry);

/** The daemon's effective config: file, then environment, then CLI, with every override listed for the log. */
export const loadEffectiveConfig = (o: { file?: string; env?: Env; cli?: readonly CliOverride[] } = {}): LoadedConfig =>
  loadConfig({ file: o.file ?? defaultConfigFile, scanners: scannerRegistry, env: o.env, cli: o.cli });

/** The daemon's running config, re-read on file edits and on `reload()` (SIGHUP). Throws ConfigError at startup. */
export const openConfigWatcher = (o: Partial<Omit<ConfigWatcherOptions, 'scanners'>> = {}): ConfigWatcher =>
  ConfigWatcher.open({ ...o, file: o.file ?? defaultConfigFile, scanners: scannerRegistry });
