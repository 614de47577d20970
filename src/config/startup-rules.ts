import { type Env, envValue } from './env-overrides.js';
import type { EngineConfig } from './schema.js';

/** A rule that needs the process environment as well as the config; checked when the daemon would start. */
export interface StartupRule {
  readonly name: string;
  check(c: Readonly<EngineConfig>, env: Env): string[];
}

const liveNeedsCredentials: StartupRule = {
  name: 'mode live needs the Dhan client id and access token in the environment',
  check: (c, env) =>
    c.mode !== 'live' ? [] : ['DHAN_CLIENT_ID', 'DHAN_ACCESS_TOKEN'].filter((n) => envValue(env, n) === undefined)
      .map((n) => `mode: "live" sends real orders and needs ${n} in the environment (paper is the default mode)`),
};

export const startupRules: readonly StartupRule[] = [liveNeedsCredentials];
