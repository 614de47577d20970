import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../core/index.js';
import { SimFeedServer, type SimFeedOptions } from './feed-server.js';
import { type SimInstrument, simInstruments } from './sim-instruments.js';
import { type TradeSource, WalkSource } from './trade-source.js';
import { LastPriceTap } from './last-price-tap.js';
import { SimOrders } from './sim-orders.js';
import { readJsonBody } from './json-body.js';

export interface DhanSimOptions extends Omit<SimFeedOptions, 'source'> {
  readonly host: string;
  readonly port: number;
  /** Random-walk universe size (ignored when `source` is given). */
  readonly symbols: number;
  readonly seed: number;
  /** Exchange milliseconds between random-walk rounds. */
  readonly roundMs: number;
  readonly sessionOpenMinute: number;
  readonly sessionCloseMinute: number;
  /** Trades from elsewhere (stored bars replayed as ticks) instead of the random walk. */
  readonly source?: TradeSource;
}

export interface DhanSim {
  readonly feedUrl: string;
  readonly controlUrl: string;
  readonly port: number;
  readonly instruments: readonly SimInstrument[];
  readonly feed: SimFeedServer;
  /** Dhan REST v2 base (`…/v2`) and the order-update socket (`…/order-update`). */
  readonly apiUrl: string;
  readonly orderUpdateUrl: string;
  readonly orders: SimOrders;
  close(): Promise<void>;
}

export const simDefaults = (clock: Clock): Omit<DhanSimOptions, 'startMs'> => ({
  host: '127.0.0.1', port: 0, symbols: 50, seed: 42, speed: 1, roundMs: 1000, stepWallMs: 20, pingIntervalMs: 10_000, pongTimeoutMs: 40_000,
  maxConnections: 5, maxPerMessage: 100, maxPerConnection: 5000, sessionOpenMinute: 9 * 60 + 15, sessionCloseMinute: 15 * 60 + 30, clock,
});

/**
 * A local Dhan on one loopback port: the market-feed WebSocket at `/`, the order REST API under `/v2`, the
 * order-update WebSocket at `/order-update`, and a control endpoint at `/control/*` for fault injection (loopback
 * only: the server binds 127.0.0.1 unless told otherwise).
 */
export const startDhanSim = async (o: DhanSimOptions): Promise<DhanSim> => {
  const source = new LastPriceTap(o.source ?? new WalkSource({ ...o, instruments: simInstruments(o.symbols, o.seed) }));
  const instruments = source.instruments;
  const feed = new SimFeedServer({ ...o, source });
  const orders = new SimOrders({ instruments, prices: source, exchangeNow: () => feed.exchangeNow(), clock: o.clock, ...(o.token !== undefined ? { token: o.token } : {}) });
  const server: Server = createServer((req, res) => void (orders.route(req, res) || control(feed, instruments, req, res)));
  server.on('upgrade', (req, socket, head) => (req.url?.split('?')[0] === '/order-update' ? orders.handleUpgrade(req, socket, head) : feed.handleUpgrade(req, socket, head)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    feedUrl: `ws://${o.host}:${port}/`, controlUrl: `http://${o.host}:${port}/control`, port, instruments, feed,
    apiUrl: `http://${o.host}:${port}/v2`, orderUpdateUrl: `ws://${o.host}:${port}/order-update`, orders,
    close: async () => {
      feed.close();
      orders.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

/** Fault handlers of POST /control/fault: each takes its value from the JSON body and says whether it applied. */
const FAULTS: Readonly<Record<string, (feed: SimFeedServer, v: unknown) => boolean>> = {
  drop: (f, v) => v === true && (f.dropAll(), true),
  silence: (f, v) => typeof v === 'boolean' && ((f.faults.silence = v), true),
  noPings: (f, v) => typeof v === 'boolean' && ((f.faults.noPings = v), true),
  latencyMs: (f, v) => typeof v === 'number' && ((f.faults.latencyMs = v), true),
  refuseStatus: (f, v) => typeof v === 'number' && ((f.faults.refuseStatus = v), true),
  authReason: (f, v) => typeof v === 'number' && ((f.faults.authReason = v), true),
  malformed: (f, v) => v === true && (f.sendMalformed(), true),
  disconnect: (f, v) => typeof v === 'number' && (f.disconnectAll(v), true),
};

const control = async (feed: SimFeedServer, instruments: readonly SimInstrument[], req: IncomingMessage, res: ServerResponse): Promise<void> => {
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const path = new URL(req.url ?? '/', 'http://sim').pathname;
  if (req.method === 'GET' && path === '/control/state') {
    return reply(200, { exchangeTimeMs: feed.exchangeNow(), connections: feed.connections, subscriptions: feed.subscriptions(), faults: feed.faults, counters: feed.counters });
  }
  if (req.method === 'GET' && path === '/control/instruments') return reply(200, instruments.map(({ symbol, securityId, exchangeSegment }) => ({ symbol, securityId, exchangeSegment })));
  if (req.method === 'POST' && path === '/control/fault') {
    const body = await readJsonBody(req);
    if (body === undefined) return reply(400, { error: 'body must be JSON' });
    const done = Object.keys(FAULTS).filter((k) => k in body && FAULTS[k]?.(feed, body[k]) === true);
    if (done.length === 0) return reply(400, { error: 'no known fault in body', known: Object.keys(FAULTS) });
    return reply(200, { applied: done, faults: feed.faults });
  }
  return reply(404, { error: `no route ${req.method} ${path}` });
};
