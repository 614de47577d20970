export { ConfigError } from './errors.js';
export { parseConfig, loadConfigFile } from './load-config.js';
export { engineConfigSchema, type EngineConfig } from './schema.js';
export { configRules, type ConfigRule, type ScannerSchemas } from './cross-field-rules.js';
export { deepFreeze } from './deep-freeze.js';
