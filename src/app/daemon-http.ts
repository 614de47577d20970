import { timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from '../telemetry/index.js';

export interface ReadinessCheck { readonly ok: boolean; readonly detail?: string }

export interface ControlReply { readonly status: number; readonly body: unknown }
/** A control route: `body` is the parsed JSON request body (for GET, the query parameters). */
export type ControlRoute = (body: Record<string, unknown>) => ControlReply | Promise<ControlReply>;

export interface DaemonHttpOptions {
  readonly host: string;
  readonly port: number;
  readonly metrics: Metrics;
  /** Brings gauges and counters up to date just before a scrape. */
  readonly beforeScrape: () => void;
  readonly readiness: () => Readonly<Record<string, ReadinessCheck>>;
  /** `TRADE_ENGINE_CONTROL_TOKEN`; without it the control routes are disabled. */
  readonly controlToken: string | undefined;
  /** Keyed by "METHOD /control/path". */
  readonly routes: Readonly<Record<string, ControlRoute>>;
}

export interface DaemonHttp { readonly port: number; close(): Promise<void> }

const send = (res: ServerResponse, status: number, body: unknown, type = 'application/json'): void => {
  res.writeHead(status, { 'content-type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

const authorized = (req: IncomingMessage, token: string): boolean => {
  const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
};

const readJson = async (req: IncomingMessage): Promise<Record<string, unknown> | undefined> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString();
  if (text.trim() === '') return {};
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The daemon's loopback HTTP endpoint: `/metrics` (Prometheus text), `/healthz` (the process is alive),
 * `/readyz` (200 only when every readiness check holds; the JSON body says which does not) and the operator's
 * `/control/*` routes, which need `Authorization: Bearer $TRADE_ENGINE_CONTROL_TOKEN`.
 */
export const startDaemonHttp = async (o: DaemonHttpOptions): Promise<DaemonHttp> => {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://daemon');
      const path = url.pathname;
      if (req.method === 'GET' && path === '/metrics') {
        o.beforeScrape();
        return send(res, 200, await o.metrics.registry.metrics(), o.metrics.registry.contentType);
      }
      if (req.method === 'GET' && path === '/healthz') return send(res, 200, { status: 'alive' });
      if (req.method === 'GET' && path === '/readyz') {
        const checks = o.readiness();
        const ready = Object.values(checks).every((c) => c.ok);
        return send(res, ready ? 200 : 503, { ready, checks });
      }
      if (path.startsWith('/control/')) {
        if (o.controlToken === undefined) return send(res, 503, { error: 'control endpoint disabled: set TRADE_ENGINE_CONTROL_TOKEN' });
        if (!authorized(req, o.controlToken)) return send(res, 401, { error: 'missing or wrong bearer token' });
        const route = o.routes[`${req.method ?? 'GET'} ${path}`];
        if (route === undefined) return send(res, 404, { error: `no route ${req.method} ${path}`, routes: Object.keys(o.routes) });
        const body = req.method === 'GET' ? Object.fromEntries(url.searchParams) : await readJson(req);
        if (body === undefined) return send(res, 400, { error: 'the body must be a JSON object' });
        const r = await route(body);
        return send(res, r.status, r.body);
      }
      return send(res, 404, { error: `no route ${req.method} ${path}` });
    })().catch((e: unknown) => send(res, 500, { error: e instanceof Error ? e.message : String(e) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
};
