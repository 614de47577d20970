import { type EngineConfig, parseConfig } from '../config/index.js';
import { istDay } from '../core/index.js';
import { scannerRegistry } from '../scanners/index.js';
import type { Engine } from './assemble-engine.js';
import type { ControlRoute } from './daemon-http.js';
import type { SignalFeed } from './signal-feed.js';

export interface ScannerControl {
  readonly engine: Engine;
  readonly signals: SignalFeed;
  readonly current: () => Readonly<EngineConfig>;
  /** Applies a validated config exactly as a file edit would. */
  readonly apply: (next: Readonly<EngineConfig>, source: string) => void;
  /** Exchange time now. */
  readonly now: () => number;
}

/**
 * The design's scanner integration interface: list scanners with their status, consume signals by cursor and
 * acknowledge them, today's performance per scanner, and enable/disable/parameter updates that go through the
 * same two-stage validation as a config edit (applied to the running daemon, not written to the file).
 */
export const scannerRoutes = (c: ScannerControl): Record<string, ControlRoute> => ({
  'GET /control/scanners': () => {
    const cfg = c.current();
    const running = new Set(c.engine.scanners$.value.map((s) => s.id));
    const ids = [...new Set([...scannerRegistry.keys(), ...Object.keys(cfg.scanners)])].sort();
    return {
      status: 200,
      body: ids.map((id) => ({ id, enabled: running.has(id), params: cfg.scanners[id]?.params ?? {}, ...c.signals.today(id, c.now()) })),
    };
  },
  'POST /control/scanners': (body) => {
    const id = typeof body.id === 'string' ? body.id : '';
    const cfg = c.current();
    const raw = JSON.parse(JSON.stringify(cfg)) as { scanners: Record<string, { enabled: boolean; params: Record<string, unknown> }> };
    const entry = raw.scanners[id] ?? { enabled: false, params: {} };
    if (typeof body.enabled === 'boolean') entry.enabled = body.enabled;
    if (body.params !== undefined) {
      if (typeof body.params !== 'object' || body.params === null || Array.isArray(body.params)) return { status: 400, body: { error: 'params must be an object' } };
      entry.params = { ...entry.params, ...(body.params as Record<string, unknown>) };
    }
    raw.scanners[id] = entry;
    let next: Readonly<EngineConfig>;
    try {
      next = parseConfig(raw, scannerRegistry, 'control endpoint');
    } catch (e) {
      return { status: 400, body: { error: e instanceof Error ? e.message : String(e) } };
    }
    c.apply(next, 'control endpoint');
    return { status: 200, body: { id, enabled: next.scanners[id]?.enabled ?? false, params: next.scanners[id]?.params ?? {} } };
  },
  'GET /control/signals': (body) => {
    const since = Number(body.since ?? 0);
    const limit = Math.min(1000, Math.max(1, Number(body.limit ?? 100)));
    return { status: 200, body: c.signals.since(Number.isFinite(since) ? since : 0, limit, body.unacked === true || body.unacked === '1') };
  },
  'POST /control/signals/ack': (body) => {
    const ids = Array.isArray(body.ids) ? body.ids.filter((x): x is string => typeof x === 'string') : [];
    return { status: 200, body: { acked: c.signals.ack(ids) } };
  },
  'GET /control/scanners/performance': () => {
    const today = istDay(c.now());
    const rows = new Map<string, { trades: number; wins: number; netPnlRupees: number }>();
    for (const t of c.engine.ledger.trades) {
      if (istDay(t.exitMs) !== today) continue;
      const r = rows.get(t.scannerId) ?? { trades: 0, wins: 0, netPnlRupees: 0 };
      r.trades++;
      if (t.netPnl > 0) r.wins++;
      r.netPnlRupees += t.netPnl / 100;
      rows.set(t.scannerId, r);
    }
    return { status: 200, body: c.engine.scanners$.value.map((s) => ({ id: s.id, ...c.signals.today(s.id, c.now()), ...(rows.get(s.id) ?? { trades: 0, wins: 0, netPnlRupees: 0 }) })) };
  },
});
