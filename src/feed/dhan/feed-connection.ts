import WebSocket from 'ws';
import { type Cancel, type Clock, epochMs } from '../../core/index.js';
import { FeedError } from '../errors.js';
import type { Backoff } from './backoff.js';
import { type Instrument, redactUrl, subscribeMessages } from './subscription-plan.js';
import { DISCONNECT_REASONS, DISCONNECT_REQUEST_CODE, FATAL_DISCONNECT_REASONS, type FeedMode, ResponseCode } from './wire.js';

export type ConnectionEvent =
  | { readonly type: 'connected'; readonly connection: number }
  | { readonly type: 'disconnected'; readonly connection: number; readonly why: string }
  | { readonly type: 'reconnecting'; readonly connection: number; readonly delayMs: number; readonly attempt: number }
  | { readonly type: 'stall'; readonly connection: number; readonly silentMs: number }
  | { readonly type: 'fatal'; readonly connection: number; readonly error: FeedError };

export interface ConnectionOptions {
  readonly index: number;
  readonly url: string;
  readonly instruments: readonly Instrument[];
  readonly mode: FeedMode;
  readonly clock: Clock;
  readonly backoff: Backoff;
  /** No packet for this long while the market is open: the socket is a zombie, reconnect. */
  readonly stallMs: number;
  /** No packet and no ping for this long at any time: the server is gone, reconnect. */
  readonly deadMs: number;
  readonly handshakeTimeoutMs: number;
  readonly isMarketOpen: () => boolean;
  readonly onFrame: (frame: Buffer, receivedMs: number) => void;
  readonly onTextFrame: () => void;
  readonly onEvent: (e: ConnectionEvent) => void;
}

/**
 * One Dhan feed socket: connects, subscribes (≤100 instruments per message), restores every subscription after a
 * reconnect, watches for stalls, and backs off with jitter. Reasons retrying cannot fix (806-810, 804, 805) and a
 * 429 or 401/403 at the handshake stop it with one FeedError instead of a reconnect storm.
 */
export class FeedConnection {
  #ws: WebSocket | undefined;
  #stopped = false;
  #fatal: FeedError | undefined;
  #openedAt = 0;
  #lastPacketAt = 0;
  #lastSignOfLifeAt = 0;
  #watchdog: Cancel | undefined;
  #retry: Cancel | undefined;
  #connected = false;
  #url: string;

  constructor(private readonly o: ConnectionOptions) {
    this.#url = o.url;
  }

  /** A renewed token: used from the next connection attempt on. */
  setUrl(url: string): void {
    this.#url = url;
  }

  get connected(): boolean {
    return this.#connected;
  }

  get fatal(): FeedError | undefined {
    return this.#fatal;
  }

  start(): void {
    this.#stopped = false;
    this.#fatal = undefined;
    this.#open();
  }

  /** Sends the disconnect request and closes; no reconnect. */
  stop(): Promise<void> {
    this.#stopped = true;
    this.#retry?.();
    this.#watchdog?.();
    const ws = this.#ws;
    if (ws === undefined || ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      ws.once('close', () => resolve());
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ RequestCode: DISCONNECT_REQUEST_CODE }));
      ws.close(1000);
      const force = this.o.clock.at(epochMs(this.o.clock.now() + 2000), 'feed-close-timeout', () => ws.terminate());
      ws.once('close', force);
    });
  }

  #open(): void {
    const ws = new WebSocket(this.#url, { handshakeTimeout: this.o.handshakeTimeoutMs, perMessageDeflate: false });
    this.#ws = ws;
    ws.on('unexpected-response', (_req, res) => {
      const status = res.statusCode ?? 0;
      res.resume();
      if (status === 429 || status === 401 || status === 403) {
        this.#fail(new FeedError('FEED_HANDSHAKE_REFUSED', `Dhan refused the feed handshake with HTTP ${status} (${status === 429 ? 'data plan inactive, client blocked, or too many connections' : 'authentication'}); not retrying`, { status, url: redactUrl(this.#url) }));
      }
      ws.terminate();
    });
    ws.on('open', () => {
      this.#connected = true;
      this.#openedAt = this.#lastPacketAt = this.#lastSignOfLifeAt = this.o.clock.now();
      for (const m of subscribeMessages(this.o.instruments, this.o.mode)) ws.send(m);
      this.o.onEvent({ type: 'connected', connection: this.o.index });
      this.#armWatchdog();
    });
    ws.on('ping', () => {
      this.#lastSignOfLifeAt = this.o.clock.now();
    });
    ws.on('message', (data, isBinary) => {
      const now = this.o.clock.now();
      this.#lastPacketAt = this.#lastSignOfLifeAt = now;
      if (!isBinary) {
        this.o.onTextFrame();
        return;
      }
      const frame = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      if (frame.length >= 10 && frame[0] === ResponseCode.disconnect) this.#onDisconnectPacket(frame.readUInt16LE(8));
      this.o.onFrame(frame, now);
    });
    ws.on('error', () => undefined); // the close event that follows decides what happens
    ws.on('close', (code) => this.#onClose(code));
  }

  #onDisconnectPacket(reason: number): void {
    const text = DISCONNECT_REASONS[reason] ?? 'unknown reason';
    if (FATAL_DISCONNECT_REASONS.has(reason)) {
      this.#fail(new FeedError('FEED_FATAL_DISCONNECT', `Dhan disconnected the feed with reason ${reason}: ${text}; not reconnecting until the operator acts`, { reason }));
    }
    this.#ws?.close();
  }

  #fail(error: FeedError): void {
    if (this.#fatal !== undefined) return;
    this.#fatal = error;
    this.#stopped = true;
    this.o.onEvent({ type: 'fatal', connection: this.o.index, error });
  }

  #onClose(code: number): void {
    const wasConnected = this.#connected;
    this.#connected = false;
    this.#watchdog?.();
    if (wasConnected) {
      this.o.backoff.connectionEnded(this.o.clock.now() - this.#openedAt);
      this.o.onEvent({ type: 'disconnected', connection: this.o.index, why: `close ${code}` });
    }
    if (this.#stopped) return;
    const attempt = this.o.backoff.attempt + 1;
    const delayMs = this.o.backoff.next();
    this.o.onEvent({ type: 'reconnecting', connection: this.o.index, delayMs, attempt });
    this.#retry = this.o.clock.at(epochMs(this.o.clock.now() + delayMs), 'feed-reconnect', () => {
      if (!this.#stopped) this.#open();
    });
  }

  #armWatchdog(): void {
    const period = Math.max(10, Math.min(this.o.stallMs, this.o.deadMs) / 4);
    this.#watchdog = this.o.clock.at(epochMs(this.o.clock.now() + period), 'feed-watchdog', () => {
      if (!this.#connected) return;
      const now = this.o.clock.now();
      const silent = now - this.#lastPacketAt;
      if ((this.o.isMarketOpen() && silent > this.o.stallMs) || now - this.#lastSignOfLifeAt > this.o.deadMs) {
        this.o.onEvent({ type: 'stall', connection: this.o.index, silentMs: silent });
        this.#ws?.terminate();
        return;
      }
      this.#armWatchdog();
    });
  }
}
