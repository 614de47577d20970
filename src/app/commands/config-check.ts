import type { Command } from 'commander';
import { stringify } from 'yaml';
import { type CliOverride, parseSetOption, sanitizeConfig } from '../../config/index.js';
import { defaultConfigFile, loadEffectiveConfig } from './engine-config.js';

interface ConfigCheckOptions {
  readonly set: string[];
  readonly paper?: boolean;
  readonly env: boolean;
  readonly json?: boolean;
}

/** `trade-engine config check [FILE]`: validate like the daemon would and print the effective config, secrets removed. */
export const registerConfigCommands = (program: Command): void => {
  const config = program.command('config').description('the engine config (YAML or JSON)');
  config.command('check [file]')
    .description('validate a config file as the daemon would (file < environment < command line) and print the effective config with secrets removed; exit 2 when invalid')
    .option('--set <key=value>', 'override a key, e.g. --set risk.maxOpenPositions=3 (repeatable)', (v: string, acc: string[]) => [...acc, v], [])
    .option('--paper', 'force mode paper, as `live --paper` does')
    .option('--no-env', 'ignore the environment (no overrides, no credential check)')
    .option('--json', 'print JSON instead of YAML')
    .action((file: string | undefined, o: ConfigCheckOptions) => {
      const cli: CliOverride[] = [...(o.paper === true ? [{ key: 'mode', value: 'paper', name: '--paper' }] : []), ...o.set.map(parseSetOption)];
      const env = o.env ? process.env : undefined;
      const loaded = loadEffectiveConfig({ file: file ?? defaultConfigFile, env, cli });
      for (const ov of loaded.overrides) process.stderr.write(`override: ${ov.key} from ${ov.source === 'env' ? 'the environment' : 'the command line'} (${ov.name})\n`);
      for (const ig of loaded.ignored) process.stderr.write(`ignored: ${ig.name} (this build has no ${ig.key})\n`);
      const clean = sanitizeConfig(loaded.config, [process.env.DHAN_ACCESS_TOKEN, process.env.DHAN_CLIENT_ID]);
      process.stdout.write(o.json === true ? `${JSON.stringify(clean, null, 2)}\n` : stringify(clean));
      process.stderr.write(`config OK: ${loaded.file} (mode ${loaded.config.mode})\n`);
    });
};
