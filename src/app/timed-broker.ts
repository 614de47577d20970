import type { BrokerPort, CancelOutcome, OrderRequest, PlaceOutcome } from '../core/index.js';
import { type Metrics, stopwatchMs } from '../telemetry/index.js';

/**
 * A broker whose every place() is measured: signal → order request (from the signal's stopwatch time) and the
 * broker round trip by outcome. Everything else passes straight to the inner broker. A class rather than a Proxy
 * of closures made per run: no bound function per property read, and its compiled code outlives a replay (see
 * src/streams/build-graph.ts).
 */
class TimedBroker implements BrokerPort {
  constructor(private readonly inner: BrokerPort, private readonly metrics: Metrics, private readonly signalAt: Map<string, number>) {}

  get fills$(): BrokerPort['fills$'] {
    return this.inner.fills$;
  }

  get updates$(): BrokerPort['updates$'] {
    return this.inner.updates$;
  }

  async place(req: OrderRequest): Promise<PlaceOutcome> {
    const t0 = stopwatchMs();
    const s = this.signalAt.get(req.signalId);
    if (s !== undefined && req.purpose === 'ENTRY') {
      this.metrics.signalToOrder.observe((t0 - s) / 1000);
      this.signalAt.delete(req.signalId);
    }
    const out = await this.inner.place(req);
    this.metrics.brokerRoundTrip.observe({ endpoint: 'place', outcome: out.kind }, (stopwatchMs() - t0) / 1000);
    return out;
  }

  cancel(clientOrderId: string): Promise<CancelOutcome> {
    return this.inner.cancel(clientOrderId);
  }

  openOrders(): Promise<readonly OrderRequest[]> {
    return this.inner.openOrders();
  }
}

export const timedBroker = (inner: BrokerPort, metrics: Metrics, signalAt: Map<string, number>): BrokerPort => new TimedBroker(inner, metrics, signalAt);
