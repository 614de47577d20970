import { fileURLToPath } from 'node:url';
import { type EngineConfig, loadConfigFile } from '../../config/index.js';
import { scannerRegistry } from '../../scanners/index.js';

export const defaultConfigFile = fileURLToPath(new URL('../../../config/default.json', import.meta.url));

/** Loads and validates the engine config (default: config/default.json). */
export const loadEngineConfig = (path?: string): Readonly<EngineConfig> => loadConfigFile(path ?? defaultConfigFile, scannerRegistry);
