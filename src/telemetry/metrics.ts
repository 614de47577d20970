import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { LATENCY_BUCKETS_SECONDS } from './buckets.js';

const buckets = [...LATENCY_BUCKETS_SECONDS];

export interface MetricsOptions {
  /** Default: a registry of its own. */
  readonly registry?: Registry;
  /**
   * prom-client's process metrics (event-loop lag, GC, heap, CPU, handles), for a process that is scraped (default
   * true). They start a GC observer and an event-loop delay monitor that run until the process exits, so a replay
   * (thousands of them in one sweep thread) leaves them out: it only summarises its own latencies.
   */
  readonly processMetrics?: boolean;
}

/**
 * The one metric catalog (the design's TradingMetrics), on a registry of its own (never prom-client's global one).
 * Names follow trade_engine_<area>_<name>_<unit>; every latency is a histogram in seconds.
 */
export const createMetrics = ({ registry = new Registry(), processMetrics = true }: MetricsOptions = {}) => {
  const h = (name: string, help: string, labelNames: string[] = []) => new Histogram({ name, help, labelNames, buckets, registers: [registry] });
  const c = (name: string, help: string, labelNames: string[] = []) => new Counter({ name, help, labelNames, registers: [registry] });
  const g = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });
  const m = {
    registry,
    frameToBar: h('trade_engine_feed_frame_to_bar_seconds', 'From the arrival of the feed frame that closed a bar to the bar leaving the aggregator'),
    barProcessing: h('trade_engine_graph_bar_processing_seconds', 'Synchronous processing of one bar through the graph (validate, windows, scanners, risk)'),
    barToSignal: h('trade_engine_graph_bar_to_signal_seconds', 'From a bar entering the graph to a signal it caused'),
    signalToOrder: h('trade_engine_execution_signal_to_order_seconds', 'From a signal to its order request reaching the broker adapter'),
    brokerRoundTrip: h('trade_engine_broker_api_roundtrip_seconds', 'Broker API round trip by endpoint and outcome', ['endpoint', 'outcome']),
    bars: c('trade_engine_feed_bars_total', 'Bars that entered the graph'),
    ticks: c('trade_engine_feed_ticks_total', 'Trade ticks decoded from the feed'),
    droppedPackets: c('trade_engine_feed_dropped_packets_total', 'Feed frames or packets dropped, by reason', ['reason']),
    reconnections: c('trade_engine_feed_reconnections_total', 'Feed WebSocket reconnection attempts'),
    signals: c('trade_engine_scanner_signals_total', 'Signals by scanner', ['scanner']),
    riskDenials: c('trade_engine_risk_denials_total', 'Risk gate denials by code', ['code']),
    orders: c('trade_engine_orders_total', 'Orders by status (the outcome of placing them)', ['status']),
    redisWriteFailures: c('trade_engine_state_redis_write_failures_total', 'Failed Redis write-behind batches'),
    reconcileDifferences: c('trade_engine_broker_reconcile_differences_total', 'Differences found reconciling with the broker (resolved in its favour)'),
    orderRefusals: c('trade_engine_execution_order_refusals_total', 'Broker messages the order state machine refused, by code', ['code']),
    openPositions: g('trade_engine_positions_open', 'Open positions'),
    dayPnl: g('trade_engine_pnl_day_rupees', "The day's realised P&L, net of charges, in rupees"),
    tradingState: g('trade_engine_risk_trading_state', 'Trading state: 0 ACTIVE, 1 REDUCING, 2 HALTED'),
    breakerState: g('trade_engine_broker_circuit_state', 'Broker circuit breaker: 0 closed, 1 half-open, 2 open'),
    feedConnected: g('trade_engine_feed_connected', '1 when every feed socket is connected'),
    redisUp: g('trade_engine_state_redis_up', '1 when the Redis state cache is reachable'),
    uptime: g('trade_engine_process_uptime_seconds', 'Seconds since the daemon started'),
  };
  if (!processMetrics) return m;
  collectDefaultMetrics({ register: registry, prefix: 'trade_engine_' });
  // prom-client names three gauges *_total, which Prometheus' linter refuses; trade_engine_nodejs_active_resources
  // (by type) and the _handles/_requests gauges without the suffix carry the same information.
  for (const n of ['active_handles', 'active_requests', 'active_resources']) registry.removeSingleMetric(`trade_engine_nodejs_${n}_total`);
  return m;
};

export type Metrics = ReturnType<typeof createMetrics>;

/** Adds to `counter` what a monotonically growing source value gained since the last call (scrape-time sync). */
export const counterSync = () => {
  const last = new Map<string, number>();
  return (counter: Counter, value: number, labels?: Record<string, string>): void => {
    const key = labels === undefined ? '' : JSON.stringify(labels);
    const delta = value - (last.get(key) ?? 0);
    if (delta > 0 && labels === undefined) counter.inc(delta);
    else if (delta > 0 && labels !== undefined) counter.inc(labels, delta);
    last.set(key, value);
  };
};
