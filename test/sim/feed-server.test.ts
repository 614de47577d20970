import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { DhanSim } from '../../src/sim/index.js';
import { SIM_DAY_OPEN, startTestSim, until } from '../support/sim-harness.js';

let sim: DhanSim | undefined;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const s of sockets) s.terminate();
  sockets.length = 0;
  await sim?.close();
  sim = undefined;
});

interface Client { ws: WebSocket; frames: Buffer[]; closed: Promise<void>; pings: number }
const connect = async (s: DhanSim, query = 'version=2&token=t&clientId=C1&authType=2', autoPong = true): Promise<Client> => {
  const ws = new WebSocket(`${s.feedUrl}?${query}`, { autoPong });
  sockets.push(ws);
  const c: Client = { ws, frames: [], closed: new Promise((r) => ws.once('close', () => r())), pings: 0 };
  ws.on('message', (d: Buffer, bin) => bin && c.frames.push(d));
  ws.on('ping', () => c.pings++);
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  return c;
};
const subscribe = (c: Client, ids: string[], code = 17) =>
  c.ws.send(JSON.stringify({ RequestCode: code, InstrumentCount: ids.length, InstrumentList: ids.map((SecurityId) => ({ ExchangeSegment: 'NSE_EQ', SecurityId })) }));
const disconnectReason = (c: Client): number | undefined => {
  const f = c.frames.find((b) => b[0] === 50);
  return f?.readUInt16LE(8);
};

describe('simulator market feed: protocol and limits', () => {
  it('sends one packet per binary frame with the length field = packet size, prev close first, LTT as IST wall seconds', async () => {
    sim = await startTestSim();
    const c = await connect(sim);
    subscribe(c, [sim.instruments[0]?.securityId ?? '']);
    await until(() => c.frames.filter((f) => f[0] === 4).length >= 3, 3000, 'quotes');
    expect(c.frames[0]?.[0]).toBe(6);
    for (const f of c.frames) expect(f.readUInt16LE(1)).toBe(f.length);
    const q = c.frames.find((f) => f[0] === 4) as Buffer;
    expect(q.length).toBe(50);
    expect(q.readUInt32LE(4)).toBe(10_001);
    const ltt = q.readUInt32LE(14);
    expect(ltt * 1000 - 19_800_000).toBeGreaterThanOrEqual(SIM_DAY_OPEN);
    expect(ltt * 1000 - 19_800_000).toBeLessThan(SIM_DAY_OPEN + 10 * 60_000);
    expect(Math.round(q.readFloatLE(8) * 100) % 5).toBe(0);
  });

  it('refuses more than 100 instruments in one message with disconnect reason 804', async () => {
    sim = await startTestSim({ symbols: 150 });
    const c = await connect(sim);
    subscribe(c, sim.instruments.slice(0, 101).map((i) => i.securityId));
    await c.closed;
    expect(disconnectReason(c)).toBe(804);
  });

  it('accepts 100 per message up to 5,000 per connection, and refuses the 5,001st with 804', async () => {
    sim = await startTestSim({ symbols: 5001, speed: 1 });
    const c = await connect(sim);
    const ids = sim.instruments.map((i) => i.securityId);
    for (let i = 0; i < 5000; i += 100) subscribe(c, ids.slice(i, i + 100));
    await new Promise((r) => setTimeout(r, 200));
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
    subscribe(c, [ids[5000] ?? '']);
    await c.closed;
    expect(disconnectReason(c)).toBe(804);
  });

  it('on a sixth connection of one client id, disconnects the oldest with 805', async () => {
    sim = await startTestSim();
    const clients: Client[] = [];
    for (let i = 0; i < 6; i++) clients.push(await connect(sim));
    await clients[0]?.closed;
    expect(disconnectReason(clients[0] as Client)).toBe(805);
    expect(clients.slice(1).every((c) => c.ws.readyState === WebSocket.OPEN)).toBe(true);
  });

  it('pings every interval, and drops a client that stays silent past the pong timeout', async () => {
    sim = await startTestSim({ pingIntervalMs: 50, pongTimeoutMs: 300 });
    const polite = await connect(sim);
    const silent = await connect(sim, undefined, false);
    await silent.closed;
    expect(silent.pings).toBeGreaterThanOrEqual(3);
    expect(polite.ws.readyState).toBe(WebSocket.OPEN);
    expect(polite.pings).toBeGreaterThanOrEqual(5);
  });

  it('refuses a handshake without the v2 query, and disconnects a wrong token with 809', async () => {
    sim = await startTestSim({ token: 'right' });
    await expect(connect(sim, 'token=right&clientId=C1')).rejects.toThrow(/400/);
    const c = await connect(sim, 'version=2&token=wrong&clientId=C1&authType=2');
    await c.closed;
    expect(disconnectReason(c)).toBe(809);
  });
});
