export { CircuitBreakerBroker, type BreakerOptions, type BreakerState } from './circuit-breaker-broker.js';
