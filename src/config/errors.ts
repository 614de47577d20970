import { EngineError } from '../core/index.js';

/** A config that does not validate: one line per problem, each with the dotted path of the bad key. */
export class ConfigError extends EngineError {
  override readonly name = 'ConfigError';
  constructor(readonly issues: readonly string[], source: string) {
    super('CONFIG_INVALID', `${source}: invalid config:\n  ${issues.join('\n  ')}`, { issues, source });
  }
}
