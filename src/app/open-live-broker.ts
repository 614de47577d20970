import { type Clock, SymbolTable } from '../core/index.js';
import type { EngineConfig } from '../config/index.js';
import { brokerUrls, createLiveBroker } from '../execution/dhan/index.js';
import type { Instrument } from '../feed/dhan/index.js';
import type { Logger, Metrics } from '../telemetry/index.js';
import type { LiveVenue } from './compose-live.js';
import { managedBroker } from './managed-broker.js';

/** Client order ids of mode live start with this (reconciliation adopts only ours). */
export const LIVE_ORDER_PREFIX = 'LV';

/**
 * Mode live: the Dhan REST broker with its order-update socket, rate limiter and circuit breaker
 * (DHAN_API_URL / DHAN_ORDER_UPDATE_URL override the config, so the daemon can run whole days against the
 * simulator), behind the order state machine.
 */
export const openLiveBroker = (config: Readonly<EngineConfig>, instruments: readonly Instrument[], clientId: string, token: string, clock: Clock, log: Logger, metrics: Metrics): { venue: LiveVenue; stop(): void } => {
  const urls = brokerUrls(config.execution.broker, process.env);
  for (const key of urls.overridden) log.info({ component: 'config', operation: 'override', key, source: 'environment' }, `${key} overridden by the environment`);
  const stack = createLiveBroker({
    config: config.execution.broker, apiUrl: urls.apiUrl, orderUpdateUrl: urls.orderUpdateUrl, clientId, token, instruments,
    symbols: new SymbolTable(instruments.map((i) => i.symbol)), clock,
    onError: (e, op) => log.warn({ component: 'broker', operation: op, err: e }, 'broker call failed'),
  });
  const { broker, manager } = managedBroker(stack.broker, (r) => {
    metrics.orderRefusals.inc({ code: r.code });
    log.warn({ component: 'orders', operation: 'refused', status: r.code, order_id: r.clientOrderId }, r.reason);
  });
  return {
    venue: { broker, manager, account: stack.dhan, breakerState: () => stack.breaker.state, orderIdPrefix: LIVE_ORDER_PREFIX, start: () => stack.start(), drain: () => stack.limiter.drain() },
    stop: () => stack.stop(),
  };
};
