import { BehaviorSubject, Subject } from 'rxjs';
import WebSocket from 'ws';
import { type Cancel, type Clock, epochMs } from '../../core/index.js';
import { type DhanOrderAlertData, dhanOrderAlertDataSchema, dhanOrderAlertSchema } from './wire.js';

export interface OrderUpdateSocketOptions {
  /** wss://api-order-update.dhan.co, or the simulator's ws://…/order-update. */
  readonly url: string;
  readonly clientId: string;
  readonly token: string;
  readonly clock: Clock;
  readonly reconnect: { readonly initialMs: number; readonly maxMs: number };
  /** A ping this often; no pong before the next one closes the socket (a zombie). */
  readonly pingMs?: number;
}

export type OrderSocketState = 'closed' | 'connecting' | 'open';

/**
 * Dhan's live order-update socket: on open, one login message (MsgCode 42); then `order_alert` JSON messages.
 * No login ack exists, so "open" means connected and logged in as far as anyone can tell. Reconnects with
 * exponential backoff on the Clock; malformed and unknown messages are counted and dropped.
 */
export class DhanOrderUpdateSocket {
  readonly alerts$ = new Subject<DhanOrderAlertData>();
  readonly state$ = new BehaviorSubject<OrderSocketState>('closed');
  readonly stats = { opens: 0, alerts: 0, dropped: 0 };
  #ws: WebSocket | undefined;
  #retry: Cancel | undefined;
  #ping: Cancel | undefined;
  #delay: number;
  #running = false;

  constructor(private readonly o: OrderUpdateSocketOptions) {
    this.#delay = o.reconnect.initialMs;
  }

  start(): void {
    this.#running = true;
    this.#connect();
  }

  stop(): void {
    this.#running = false;
    this.#retry?.();
    this.#ping?.();
    this.#ws?.terminate();
    this.#ws = undefined;
    this.state$.next('closed');
  }

  #connect(): void {
    if (!this.#running) return;
    this.state$.next('connecting');
    const ws = new WebSocket(this.o.url, { perMessageDeflate: false, handshakeTimeout: 10_000 });
    this.#ws = ws;
    let alive = true;
    ws.on('open', () => {
      ws.send(JSON.stringify({ LoginReq: { MsgCode: 42, ClientId: this.o.clientId, Token: this.o.token }, UserType: 'SELF' }));
      this.stats.opens++;
      this.#delay = this.o.reconnect.initialMs;
      this.state$.next('open');
      this.#schedulePing(ws, () => alive, (v) => (alive = v));
    });
    ws.on('pong', () => (alive = true));
    ws.on('message', (data, isBinary) => {
      alive = true;
      if (!isBinary) this.#onText(data.toString());
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.#ws !== ws) return;
      this.#ping?.();
      this.#ws = undefined;
      this.state$.next('closed');
      this.#scheduleReconnect();
    });
  }

  #schedulePing(ws: WebSocket, alive: () => boolean, set: (v: boolean) => void): void {
    const every = this.o.pingMs ?? 20_000;
    this.#ping = this.o.clock.at(epochMs(this.o.clock.now() + every), 'order-socket-ping', () => {
      if (this.#ws !== ws) return;
      if (!alive()) return void ws.terminate();
      set(false);
      ws.ping();
      this.#schedulePing(ws, alive, set);
    });
  }

  #scheduleReconnect(): void {
    if (!this.#running) return;
    const wait = this.#delay;
    this.#delay = Math.min(this.o.reconnect.maxMs, this.#delay * 2);
    this.#retry = this.o.clock.at(epochMs(this.o.clock.now() + wait), 'order-socket-reconnect', () => this.#connect());
  }

  #onText(text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.stats.dropped++;
      return;
    }
    const msg = dhanOrderAlertSchema.safeParse(json);
    const data = msg.success && msg.data.Type === 'order_alert' ? dhanOrderAlertDataSchema.safeParse(msg.data.Data) : undefined;
    if (data === undefined || !data.success) {
      this.stats.dropped++;
      return;
    }
    this.stats.alerts++;
    this.alerts$.next(data.data);
  }
}
