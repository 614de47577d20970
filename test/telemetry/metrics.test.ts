import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMetrics, summarizeHistogram } from '../../src/telemetry/index.js';

const root = join(import.meta.dirname, '..', '..');

describe('metric catalog', () => {
  it('names every metric trade_engine_<area>_<name>_<unit> on its own registry (not the global one)', async () => {
    const m = createMetrics();
    const names = (await m.registry.getMetricsAsJSON()).map((x) => x.name);
    for (const n of names) expect(n).toMatch(/^trade_engine_[a-z0-9]+_[a-z0-9_]+$/);
    expect(names).toEqual(expect.arrayContaining([
      'trade_engine_feed_frame_to_bar_seconds', 'trade_engine_graph_bar_processing_seconds', 'trade_engine_graph_bar_to_signal_seconds',
      'trade_engine_execution_signal_to_order_seconds', 'trade_engine_broker_api_roundtrip_seconds', 'trade_engine_feed_dropped_packets_total',
      'trade_engine_risk_denials_total', 'trade_engine_orders_total', 'trade_engine_risk_trading_state', 'trade_engine_nodejs_eventloop_lag_p99_seconds',
    ]));
    const { register } = await import('prom-client');
    expect(await register.getMetricsAsJSON()).toEqual([]);
  });

  it('leaves out the process metrics (and their GC observer and event-loop monitor) when asked, as a replay does', async () => {
    const names = async (m: ReturnType<typeof createMetrics>) => (await m.registry.getMetricsAsJSON()).map((x) => x.name);
    const all = await names(createMetrics());
    const lean = await names(createMetrics({ processMetrics: false }));
    const processOnly = all.filter((n) => !lean.includes(n));
    expect(processOnly).toEqual(expect.arrayContaining(['trade_engine_nodejs_eventloop_lag_p99_seconds', 'trade_engine_nodejs_gc_duration_seconds', 'trade_engine_process_cpu_seconds_total']));
    expect(lean).toEqual(expect.arrayContaining(['trade_engine_graph_bar_processing_seconds', 'trade_engine_execution_signal_to_order_seconds', 'trade_engine_risk_denials_total']));
    expect(lean.filter((n) => n.startsWith('trade_engine_nodejs_'))).toEqual([]);
  });

  it('every metric the alert rules and the Grafana dashboard use exists in the catalog', async () => {
    const names = new Set((await createMetrics().registry.getMetricsAsJSON()).map((x) => x.name));
    const used = new Set<string>();
    for (const f of ['config/prometheus/alerts.yml', 'config/grafana/trade-engine-dashboard.json']) {
      for (const [n] of readFileSync(join(root, f), 'utf8').matchAll(/trade_engine_[a-z0-9_]+/g)) used.add(n.replace(/_(bucket|count|sum)$/, ''));
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((n) => !names.has(n))).toEqual([]);
  });

  it('summarises a histogram into bucket-bound percentiles in microseconds', async () => {
    const m = createMetrics();
    for (let i = 0; i < 98; i++) m.barProcessing.observe(3e-6);
    m.barProcessing.observe(0.002);
    m.barProcessing.observe(0.004);
    const s = await summarizeHistogram(m.barProcessing);
    expect(s).toEqual({ metric: 'trade_engine_graph_bar_processing_seconds', count: 100, p50Us: 5, p90Us: 5, p99Us: 2500 });
  });
});
