import { SymbolTable } from '../core/index.js';
import type { Instrument } from '../feed/dhan/index.js';
import type { EngineConfig } from '../config/index.js';
import { InMemoryStateStore, stateKeyspace } from '../state/index.js';
import { openStateStore } from '../state/redis/index.js';
import type { Logger } from '../telemetry/index.js';
import { EngineState, type RestoredState } from './engine-state.js';

const COLD: RestoredState = { trading: undefined, sentSignals: new Set(), bars: [] };

/**
 * The daemon's state store (`state.store`: memory, or Redis at `state.redisUrl` / REDIS_URL) in the keyspace of
 * its mode and account, and what it held. A Redis down at start means a cold start (logged); writes are buffered
 * until it returns and reconciliation with the broker restores orders and positions.
 */
export const openEngineState = async (config: Readonly<EngineConfig>, instruments: readonly Instrument[], log: Logger): Promise<{ engineState: EngineState; restored: RestoredState }> => {
  const s = config.state;
  let errors = 0;
  const store = await openStateStore(s, s.redisUrl ?? process.env.REDIS_URL, (err) => {
    if (errors++ % 100 === 0) log.warn({ component: 'state', operation: 'redis', status: 'error', err }, 'Redis state store error (every 100th logged)');
  });
  const engineState = new EngineState(store, stateKeyspace(config.mode === 'live' ? 'live' : 'paper', s.account));
  if (store instanceof InMemoryStateStore) return { engineState, restored: COLD };
  try {
    const symbols = new SymbolTable(instruments.map((i) => i.symbol)); // the same ids as the feed's table
    return { engineState, restored: await engineState.load((sym) => symbols.id(sym)) };
  } catch (e) {
    log.warn({ component: 'state', operation: 'restore', status: 'cold', err: e }, 'state not loaded: a cold start (reconciliation with the broker follows)');
    return { engineState, restored: COLD };
  }
};
