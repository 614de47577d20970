import type { BrokerPort, OrderRequest, PlaceOutcome } from '../core/index.js';
import { type Metrics, stopwatchMs } from '../telemetry/index.js';

/**
 * Wraps a broker so every place() is measured: signal → order request (from the signal's stopwatch time) and the
 * broker round trip by outcome. Everything else passes through untouched.
 */
export const timedBroker = <B extends BrokerPort>(inner: B, metrics: Metrics, signalAt: Map<string, number>): B => {
  const place = async (req: OrderRequest): Promise<PlaceOutcome> => {
    const t0 = stopwatchMs();
    const s = signalAt.get(req.signalId);
    if (s !== undefined && req.purpose === 'ENTRY') {
      metrics.signalToOrder.observe((t0 - s) / 1000);
      signalAt.delete(req.signalId);
    }
    const out = await inner.place(req);
    metrics.brokerRoundTrip.observe({ endpoint: 'place', outcome: out.kind }, (stopwatchMs() - t0) / 1000);
    return out;
  };
  return new Proxy(inner, {
    get(target, key) {
      if (key === 'place') return place;
      const v: unknown = Reflect.get(target, key, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
};
