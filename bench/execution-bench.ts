import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { LiveClock, type OrderIntent, OrderIdGenerator, SymbolTable, epochMs, paise, qty } from '../src/core/index.js';
import { createLiveBroker } from '../src/execution/dhan/index.js';
import { OrderRouter, PositionLedger, brokerConfigSchema, defaultChargeRates } from '../src/execution/index.js';
import { simDefaults, startDhanSim } from '../src/sim/index.js';

const TOKEN = 'bench-token';
const CLIENT = '1000000001';

const waitFor = async (cond: () => boolean, ms = 5000): Promise<void> => {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) throw new Error('bench: order-update socket did not connect');
    await new Promise((r) => setTimeout(r, 10));
  }
};

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * In-process latency from a signal's sized intent to the order request written to the socket: OrderRouter.submit
 * → intent-to-order → circuit breaker → rate limiter → DhanBroker → fetch, until undici reports the request body
 * sent (diagnostics channel `undici:request:bodySent`), against the simulator on loopback. One order at a time,
 * each awaited; the broker's 10 orders/s limit is lifted for the run (under the limit the limiter passes orders
 * straight through, so this measures the same path).
 */
export async function benchSignalToOrder(): Promise<{ p50Us: number; p99Us: number }> {
  const clock = new LiveClock();
  const sim = await startDhanSim({ ...simDefaults(clock), symbols: 20, token: TOKEN, startMs: Date.UTC(2025, 0, 6, 3, 45), pingIntervalMs: 60_000, pongTimeoutMs: 120_000 });
  await fetch(`${sim.controlUrl}/order-fault`, { method: 'POST', body: JSON.stringify({ hold: true, ordersPerSecond: 1_000_000_000 }) });
  const base = brokerConfigSchema.parse({ placeRetries: 0 });
  const config = { ...base, rateLimit: { perSecond: 1_000_000, perMinute: 1_000_000, perDay: 1_000_000, guardMs: 0 } };
  const instruments = sim.instruments.map(({ symbol, securityId, exchangeSegment }) => ({ symbol, securityId, exchangeSegment }));
  const symbols = new SymbolTable(instruments.map((i) => i.symbol));
  const live = createLiveBroker({ config, apiUrl: sim.apiUrl, orderUpdateUrl: sim.orderUpdateUrl, clientId: CLIENT, token: TOKEN, instruments, symbols, clock });
  live.start();
  const router = new OrderRouter(live.broker, new OrderIdGenerator('BN'), new PositionLedger(defaultChargeRates), { append: () => undefined, flush: async () => undefined }, clock);
  await waitFor(() => sim.orders.updates.logins > 0);
  let sentAt = 0;
  const onSent = (message: unknown): void => {
    const req = (message as { request?: { method?: string; path?: string } }).request;
    if (sentAt === 0 && req?.method === 'POST' && req.path?.endsWith('/orders') === true) sentAt = performance.now();
  };
  subscribe('undici:request:bodySent', onSent);
  const samples: number[] = [];
  try {
    const total = 5000;
    const warmup = 1000;
    for (let i = 0; i < total; i++) {
      const ins = instruments[i % instruments.length];
      const symbol = ins?.symbol ?? '';
      const intent: OrderIntent = {
        signalId: `b${i}`, scannerId: 'bench', symbol, symbolId: symbols.id(symbol) ?? 0, side: 'BUY', qty: qty(1), entry: paise(10_000),
        target: paise(10_500), stopLoss: paise(9_500), atMs: epochMs(clock.now()),
      };
      sentAt = 0;
      const t0 = performance.now();
      const out = await router.submit(intent);
      if (out.kind !== 'accepted') throw new Error(`bench order not accepted: ${JSON.stringify(out)}`);
      if (i >= warmup && sentAt > 0) samples.push((sentAt - t0) * 1000);
    }
  } finally {
    unsubscribe('undici:request:bodySent', onSent);
    live.stop();
    await sim.close();
  }
  samples.sort((a, b) => a - b);
  return { p50Us: percentile(samples, 50), p99Us: percentile(samples, 99) };
}

/** The floor under the figure above: a bare fetch POST on loopback, call to body written, same counts. */
export async function benchBareFetch(): Promise<{ p50Us: number; p99Us: number }> {
  const { createServer } = await import('node:http');
  const server = createServer((q, r) => {
    q.resume();
    q.on('end', () => r.end('{"orderId":"1","orderStatus":"TRANSIT"}'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  let sentAt = 0;
  const onSent = (): void => {
    if (sentAt === 0) sentAt = performance.now();
  };
  subscribe('undici:request:bodySent', onSent);
  const samples: number[] = [];
  try {
    for (let i = 0; i < 5000; i++) {
      sentAt = 0;
      const t0 = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/v2/orders`, { method: 'POST', body: JSON.stringify({ i }), headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(3000) });
      await res.text();
      if (i >= 1000) samples.push((sentAt - t0) * 1000);
    }
  } finally {
    unsubscribe('undici:request:bodySent', onSent);
    server.closeAllConnections();
    server.close();
  }
  samples.sort((a, b) => a - b);
  return { p50Us: percentile(samples, 50), p99Us: percentile(samples, 99) };
}
