import type { BrokerPort, Clock } from '../../core/index.js';
import { CircuitBreakerBroker } from '../breaker/index.js';
import type { BrokerConfig } from '../config.js';
import { RateLimitedBroker } from '../rate-limited-broker.js';
import { RateLimiter } from '../rate-limiter.js';
import { DhanBroker } from './dhan-broker.js';
import type { DhanInstrument } from './order-body.js';
import { DhanOrderUpdateSocket } from './order-update-socket.js';
import { DhanRestClient } from './rest-client.js';

export interface LiveBrokerRequest {
  /** `config.execution.broker`. */
  readonly config: Readonly<BrokerConfig>;
  /** From `brokerUrls(config, process.env)`. */
  readonly apiUrl: string;
  readonly orderUpdateUrl: string;
  readonly clientId: string;
  readonly token: string;
  readonly instruments: readonly DhanInstrument[];
  readonly symbols: { id(symbol: string): number | undefined };
  /** Wall clock (LiveClock): timeouts, rate-limit windows, polling, reconnects. */
  readonly clock: Clock;
  readonly onError?: (e: unknown, operation: string) => void;
  /** Latency probe: called as each REST request is handed to fetch. */
  readonly onSend?: (method: string, path: string) => void;
}

export interface LiveBroker {
  /** What the order router uses: breaker → rate limiter → Dhan. */
  readonly broker: BrokerPort;
  /** Queries (order book, positions, funds), `track` after a restart, `reconnected$` to reconcile. */
  readonly dhan: DhanBroker;
  readonly breaker: CircuitBreakerBroker;
  readonly limiter: RateLimitedBroker;
  start(): void;
  stop(): void;
}

/**
 * The live broker stack for `trade-engine live` in mode live: Dhan REST v2 with its order-update socket (polling
 * as fallback), under the order rate limits, behind the circuit breaker.
 */
export const createLiveBroker = (r: LiveBrokerRequest): LiveBroker => {
  const c = r.config;
  const rest = new DhanRestClient({ baseUrl: r.apiUrl, clientId: r.clientId, token: r.token, timeoutMs: c.requestTimeoutMs, ...(r.onSend ? { onSend: r.onSend } : {}) });
  const socket = new DhanOrderUpdateSocket({ url: r.orderUpdateUrl, clientId: r.clientId, token: r.token, clock: r.clock, reconnect: c.reconnect });
  const dhan = new DhanBroker({
    rest, socket, instruments: r.instruments, symbols: r.symbols, clock: r.clock, productType: c.productType, lookupDelayMs: c.lookupDelayMs,
    placeRetries: c.placeRetries, pollMs: c.pollMs, ...(r.onError ? { onError: r.onError } : {}),
  });
  const limiter = new RateLimitedBroker(dhan, new RateLimiter(c.rateLimit), r.clock, c.overLimit);
  const breaker = new CircuitBreakerBroker(limiter, c.breaker);
  return {
    broker: breaker, dhan, breaker, limiter,
    start: () => dhan.start(),
    stop: () => {
      limiter.drain();
      breaker.shutdown();
      dhan.stop();
    },
  };
};
