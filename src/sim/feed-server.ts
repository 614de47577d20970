import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Clock } from '../core/index.js';
import { type SimQuote, encodeDisconnect, encodeFull, encodePrevClose, encodeQuote, encodeTicker, malformedFrames } from './feed-encoder.js';
import type { Trade } from './price-walk.js';
import type { SimInstrument } from './sim-instruments.js';
import type { TradeSource } from './trade-source.js';

export interface SimFeedOptions {
  readonly source: TradeSource;
  /** Exchange time (UTC ms) when the simulator starts. */
  readonly startMs: number;
  /** Exchange milliseconds per wall millisecond. */
  readonly speed: number;
  readonly stepWallMs: number;
  /** When set, the only token accepted; otherwise any non-empty token. */
  readonly token?: string;
  readonly pingIntervalMs: number;
  readonly pongTimeoutMs: number;
  readonly maxConnections: number;
  readonly maxPerMessage: number;
  readonly maxPerConnection: number;
  readonly clock: Clock;
}

export interface SimFaults {
  /** Sockets stay open, pings go on, no data: a zombie feed. */
  silence: boolean;
  /** Neither pings sent nor client pings answered: a dead peer. */
  noPings: boolean;
  latencyMs: number;
  /** Answer new handshakes with this HTTP status (429 = blocked). */
  refuseStatus: number;
  /** Reason sent to every new connection right after the handshake (807 = token expired). */
  authReason: number;
}

type Mode = 'ticker' | 'quote' | 'full';
const MODES: Readonly<Record<number, [Mode, boolean]>> = {
  15: ['ticker', true], 16: ['ticker', false], 17: ['quote', true], 18: ['quote', false], 21: ['full', true], 22: ['full', false],
};

interface Client { readonly ws: WebSocket; readonly clientId: string; readonly subs: Map<number, Mode>; lastPongAt: number; readonly openedAt: number }

/** The simulator's Live Market Feed: the v2 binary protocol with Dhan's limits, keep-alive and faults. */
export class SimFeedServer {
  readonly faults: SimFaults = { silence: false, noPings: false, latencyMs: 0, refuseStatus: 0, authReason: 0 };
  readonly counters = { connections: 0, kicked805: 0, refusedOverLimit: 0, packetsSent: 0, droppedSilent: 0, rounds: 0 };
  readonly #wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  /** Connections made while `noPings` is on do not answer the client's pings either. */
  readonly #mute = new WebSocketServer({ noServer: true, perMessageDeflate: false, autoPong: false });
  readonly #clients: Client[] = [];
  readonly #bySecurityId = new Map<number, number>();
  readonly #last: (Trade | undefined)[] = [];
  readonly #wallStart: number;
  readonly #instruments: readonly SimInstrument[];
  #timers: NodeJS.Timeout[] = [];

  constructor(private readonly o: SimFeedOptions) {
    this.#instruments = o.source.instruments;
    this.#instruments.forEach((ins, i) => this.#bySecurityId.set(Number(ins.securityId), i));
    this.#wallStart = o.clock.now();
    this.#timers.push(
      setInterval(() => this.#step(), o.stepWallMs),
      setInterval(() => this.#ping(), o.pingIntervalMs),
      setInterval(() => this.#dropSilent(), Math.max(10, o.pongTimeoutMs / 8)),
    );
  }

  /** Exchange time now. */
  exchangeNow(): number {
    return this.o.startMs + (this.o.clock.now() - this.#wallStart) * this.o.speed;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://sim');
    const q = url.searchParams;
    if (this.faults.refuseStatus > 0) return refuse(socket, this.faults.refuseStatus);
    if (q.get('version') !== '2' || q.get('authType') !== '2' || !q.get('clientId') || !q.get('token')) return refuse(socket, 400);
    (this.faults.noPings ? this.#mute : this.#wss).handleUpgrade(req, socket, head, (ws) => this.#accept(ws, q.get('clientId') ?? '', q.get('token') ?? ''));
  }

  get connections(): number {
    return this.#clients.length;
  }

  subscriptions(): number[] {
    return this.#clients.map((c) => c.subs.size);
  }

  /** Drops every connection at once (no close handshake). */
  dropAll(): void {
    for (const c of [...this.#clients]) c.ws.terminate();
  }

  sendMalformed(): number {
    const frames = malformedFrames();
    for (const c of this.#clients) for (const f of frames) c.ws.send(f);
    return frames.length * this.#clients.length;
  }

  disconnectAll(reason: number): void {
    for (const c of [...this.#clients]) this.#kick(c, reason);
  }

  close(): void {
    for (const t of this.#timers) clearInterval(t);
    this.#timers = [];
    for (const c of this.#clients) c.ws.terminate();
    this.#wss.close();
    this.#mute.close();
  }

  #accept(ws: WebSocket, clientId: string, token: string): void {
    const now = this.o.clock.now();
    const client: Client = { ws, clientId, subs: new Map(), lastPongAt: now, openedAt: now };
    this.counters.connections++;
    const reason = this.faults.authReason || (this.o.token !== undefined && token !== this.o.token ? 809 : 0);
    if (reason !== 0) {
      ws.send(encodeDisconnect(reason));
      ws.close();
      return;
    }
    const mine = this.#clients.filter((c) => c.clientId === clientId);
    if (mine.length >= this.o.maxConnections && mine[0] !== undefined) {
      this.counters.kicked805++;
      this.#kick(mine[0], 805);
    }
    this.#clients.push(client);
    ws.on('pong', () => (client.lastPongAt = this.o.clock.now()));
    ws.on('message', (data, isBinary) => {
      client.lastPongAt = this.o.clock.now();
      if (!isBinary) this.#onRequest(client, data.toString());
    });
    ws.on('close', () => {
      const i = this.#clients.indexOf(client);
      if (i >= 0) this.#clients.splice(i, 1);
    });
    ws.on('error', () => undefined);
  }

  #kick(c: Client, reason: number): void {
    const i = this.#clients.indexOf(c);
    if (i >= 0) this.#clients.splice(i, 1);
    if (c.ws.readyState === WebSocket.OPEN) c.ws.send(encodeDisconnect(reason));
    c.ws.close();
  }

  #onRequest(c: Client, text: string): void {
    let req: { RequestCode?: unknown; InstrumentCount?: unknown; InstrumentList?: unknown };
    try {
      req = JSON.parse(text) as typeof req;
    } catch {
      return this.#kick(c, 814);
    }
    if (req.RequestCode === 12) return void c.ws.close(1000);
    const mode = MODES[Number(req.RequestCode)];
    const list = Array.isArray(req.InstrumentList) ? (req.InstrumentList as { ExchangeSegment?: unknown; SecurityId?: unknown }[]) : undefined;
    if (mode === undefined || list === undefined) return this.#kick(c, 814);
    if (list.length > this.o.maxPerMessage || Number(req.InstrumentCount) > this.o.maxPerMessage) {
      this.counters.refusedOverLimit++;
      return this.#kick(c, 804);
    }
    const added: number[] = [];
    for (const item of list) {
      const idx = this.#bySecurityId.get(Number(item.SecurityId));
      if (idx === undefined || item.ExchangeSegment !== 'NSE_EQ') continue;
      if (mode[1]) {
        if (!c.subs.has(idx)) added.push(idx);
        c.subs.set(idx, mode[0]);
      } else {
        c.subs.delete(idx);
      }
    }
    if (c.subs.size > this.o.maxPerConnection) {
      this.counters.refusedOverLimit++;
      return this.#kick(c, 804);
    }
    for (const idx of added) {
      const ins = this.#instruments[idx];
      const last = this.#last[idx];
      if (ins === undefined) continue;
      this.#send(c, encodePrevClose(1, Number(ins.securityId), (last?.prevClosePaise ?? ins.basePaise) / 100));
      if (last !== undefined) this.#send(c, this.#encode(idx, last, c.subs.get(idx) ?? 'quote', this.exchangeNow()));
    }
  }

  #step(): void {
    this.counters.rounds++;
    this.o.source.tradesUntil(this.exchangeNow(), (trade, utcMs) => {
      this.#last[trade.index] = trade;
      if (this.faults.silence) return;
      for (const c of this.#clients) {
        const mode = c.subs.get(trade.index);
        if (mode !== undefined) this.#send(c, this.#encode(trade.index, trade, mode, utcMs));
      }
    });
  }

  #encode(idx: number, t: Trade, mode: Mode, utcMs: number): Buffer {
    const ins = this.#instruments[idx];
    const q: SimQuote = {
      segment: 1, securityId: Number(ins?.securityId ?? 0), ltp: t.pricePaise / 100, ltq: t.qty, utcMs, atp: t.turnoverPaise / Math.max(1, t.cumVolume) / 100,
      volume: t.cumVolume, totalSell: 5000, totalBuy: 4800, open: t.openPaise / 100, close: t.prevClosePaise / 100, high: t.highPaise / 100, low: t.lowPaise / 100,
    };
    return mode === 'ticker' ? encodeTicker(q) : mode === 'quote' ? encodeQuote(q) : encodeFull(q, 0.05);
  }

  #send(c: Client, frame: Buffer): void {
    this.counters.packetsSent++;
    if (this.faults.latencyMs > 0) setTimeout(() => c.ws.readyState === WebSocket.OPEN && c.ws.send(frame), this.faults.latencyMs);
    else c.ws.send(frame);
  }

  #ping(): void {
    if (this.faults.noPings) return;
    for (const c of this.#clients) c.ws.ping();
  }

  /** Dhan closes a client that has been silent (no pong, no message) for 40 s. */
  #dropSilent(): void {
    const now = this.o.clock.now();
    for (const c of [...this.#clients]) {
      if (now - c.lastPongAt > this.o.pongTimeoutMs) {
        this.counters.droppedSilent++;
        c.ws.terminate();
      }
    }
  }
}

const refuse = (socket: Duplex, status: number): void => {
  socket.end(`HTTP/1.1 ${status} ${status === 429 ? 'Too Many Requests' : 'Bad Request'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};
