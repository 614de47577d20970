/** Where an override came from: `name` is the variable or the flag, never the value (it may be secret). */
export interface ConfigOverride {
  readonly key: string;
  readonly source: 'env' | 'cli';
  readonly name: string;
}

/** A CLI override: `--set risk.maxOpenPositions=3`, or a flag such as `--paper` (mode = paper). */
export interface CliOverride {
  readonly key: string;
  readonly value: unknown;
  readonly name: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Environment variables that override a config key (precedence: CLI > environment > file).
 * An entry whose key the schema does not have (yet) is ignored and reported, never applied.
 * Secrets (DHAN_ACCESS_TOKEN, DHAN_CLIENT_ID) are not config: they are read from the environment where used.
 */
export const envOverrideTable: readonly { readonly name: string; readonly key: string }[] = [
  { name: 'TRADE_ENGINE_MODE', key: 'mode' },
  { name: 'DHAN_FEED_URL', key: 'feed.url' },
  { name: 'DHAN_API_URL', key: 'execution.broker.apiUrl' },
];

/** An environment value, or undefined when unset or blank (an env file line `DHAN_FEED_URL=` means unset). */
export const envValue = (env: Env, name: string): string | undefined => {
  const v = env[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
};
