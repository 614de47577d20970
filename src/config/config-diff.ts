import { getPath, isPlainObject, setPath } from './config-path.js';
import type { EngineConfig } from './schema.js';

export type ChangeClass = 'hot' | 'restart';

export interface ConfigChange {
  /** Dotted path of the changed value (a whole list, such as feed.instruments, is one value). */
  readonly path: string;
  readonly class: ChangeClass;
  readonly reason: string;
}

export interface ConfigDiff {
  readonly hot: readonly ConfigChange[];
  readonly restart: readonly ConfigChange[];
}

/**
 * Which changes the running daemon can take. The longest matching prefix wins; anything not listed needs a
 * restart (ports, credentials and sections added later are safe by default).
 */
export const changeRules: readonly { readonly prefix: string; readonly class: ChangeClass; readonly reason: string }[] = [
  { prefix: 'scanners', class: 'hot', reason: 'scanners switch on and off and take new params without a restart' },
  { prefix: 'risk', class: 'hot', reason: 'risk limits apply from the next order' },
  { prefix: 'mode', class: 'restart', reason: 'the broker (paper or live) is chosen at start' },
  { prefix: 'feed', class: 'restart', reason: 'the feed connection, its URL, credentials and subscriptions are set at start' },
  { prefix: 'execution', class: 'restart', reason: 'the broker adapter and the session rules are built at start' },
  { prefix: 'replay', class: 'restart', reason: 'window length, seed and order-id prefix are fixed per run' },
  { prefix: 'schedule', class: 'restart', reason: 'the market day is planned at start' },
];

const DEFAULT_RULE = { class: 'restart' as const, reason: 'not known to be safe to change at run time' };

export const classifyPath = (path: string): { class: ChangeClass; reason: string } => {
  let best: (typeof changeRules)[number] | undefined;
  for (const r of changeRules) {
    if ((path === r.prefix || path.startsWith(`${r.prefix}.`)) && r.prefix.length > (best?.prefix.length ?? -1)) best = r;
  }
  return best ?? DEFAULT_RULE;
};

const equal = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
};

const changedPaths = (a: unknown, b: unknown, at: string, out: string[]): void => {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) changedPaths(a[k], b[k], at === '' ? k : `${at}.${k}`, out);
  } else if (!equal(a, b)) out.push(at === '' ? '(root)' : at);
};

/** Pure: the changed values between two configs, split into what applies live and what needs a restart. */
export const diffConfig = (before: Readonly<EngineConfig>, after: Readonly<EngineConfig>): ConfigDiff => {
  const paths: string[] = [];
  changedPaths(before, after, '', paths);
  const changes = paths.map((path) => ({ path, ...classifyPath(path) }));
  return { hot: changes.filter((c) => c.class === 'hot'), restart: changes.filter((c) => c.class === 'restart') };
};

/** `after` with every needs-restart value put back as it was in `before` (a plain, unfrozen copy). */
export const keepRestartValues = (before: Readonly<EngineConfig>, after: Readonly<EngineConfig>, diff: ConfigDiff): Record<string, unknown> => {
  const merged = structuredClone(after) as unknown as Record<string, unknown>;
  for (const c of diff.restart) {
    const old = getPath(before, c.path);
    setPath(merged, c.path, old === undefined ? undefined : structuredClone(old));
  }
  return merged;
};
