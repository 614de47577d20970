import type { StateClass } from '../core/index.js';
import { StateError } from './errors.js';

/** Which run a key belongs to: live trading, paper trading on the live feed, or a replay backtest. */
export type StateMode = 'live' | 'paper' | 'replay';

/** Every kind of entry and its class (docs/state.md). */
export const STATE_KIND_CLASS = {
  /** A symbol's window snapshot (`WindowStore.snapshotView`); id = symbol. */
  window: 'cache',
  /** A symbol's latest bar; id = symbol. */
  bar: 'cache',
  /** A net position; id = symbol. */
  position: 'durable',
  /** An open order, recorded before it is sent (idempotency); id = client order id (the correlation id). */
  order: 'durable',
  /** Realised and unrealised P&L of a trading day; id = IST date YYYY-MM-DD. */
  pnl: 'durable',
  /** Risk counters (order activity, loss streaks, …); id = counter set name. */
  risk: 'durable',
  /** Trading state ACTIVE/REDUCING/HALTED and why; id = `current`. */
  trading: 'durable',
} as const satisfies Record<string, StateClass>;
export type StateKind = keyof typeof STATE_KIND_CLASS;

const SEGMENT = /^[A-Za-z0-9_.-]{1,64}$/;

/** Builds and parses the keys of one (mode, account): `te:<mode>:<account>:<kind>:<id>`. */
export interface StateKeyspace {
  /** `te:<mode>:<account>:`: every key of this run starts with it. */
  readonly prefix: string;
  key(kind: StateKind, id: string): string;
  /** `te:<mode>:<account>:<kind>:`, for `getAll`. */
  kindPrefix(kind: StateKind): string;
  classOf(kind: StateKind): StateClass;
  /** The kind and id of one of this keyspace's keys, or undefined for a foreign key. */
  parse(key: string): { kind: StateKind; id: string } | undefined;
}

export const stateKeyspace = (mode: StateMode, account: string): StateKeyspace => {
  if (mode !== 'live' && mode !== 'paper' && mode !== 'replay') throw new StateError('STATE_BAD_KEY', `unknown state mode: ${String(mode)}`);
  if (!SEGMENT.test(account)) throw new StateError('STATE_BAD_KEY', `bad account for state keys: ${JSON.stringify(account)}`);
  const prefix = `te:${mode}:${account}:`;
  const kindPrefix = (kind: StateKind): string => {
    if (!Object.hasOwn(STATE_KIND_CLASS, kind)) throw new StateError('STATE_BAD_KEY', `unknown state kind: ${String(kind)}`);
    return `${prefix}${kind}:`;
  };
  return {
    prefix,
    kindPrefix,
    key: (kind, id) => {
      if (id.length === 0) throw new StateError('STATE_BAD_KEY', `empty id for state kind ${kind}`);
      return kindPrefix(kind) + id;
    },
    classOf: (kind) => STATE_KIND_CLASS[kind],
    parse: (key) => {
      if (!key.startsWith(prefix)) return undefined;
      const rest = key.slice(prefix.length);
      const colon = rest.indexOf(':');
      const kind = rest.slice(0, colon);
      if (colon <= 0 || !Object.hasOwn(STATE_KIND_CLASS, kind) || colon === rest.length - 1) return undefined;
      return { kind: kind as StateKind, id: rest.slice(colon + 1) };
    },
  };
};
