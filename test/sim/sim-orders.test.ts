import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { DhanSim } from '../../src/sim/index.js';
import { startTestSim, until } from '../support/sim-harness.js';

const TOKEN = 'sim-token';
const CID = '1000000001';
let sim: DhanSim | undefined;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await sim?.close();
  sim = undefined;
});

const call = async (s: DhanSim, method: string, path: string, body?: unknown, token = TOKEN) => {
  const res = await fetch(`${s.apiUrl}${path}`, {
    method, headers: { 'access-token': token, 'client-id': CID, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: (text === '' ? undefined : JSON.parse(text)) as Record<string, unknown> & unknown[] };
};
const control = async (s: DhanSim, path: string, body: unknown) => (await fetch(`${s.controlUrl}/${path}`, { method: 'POST', body: JSON.stringify(body) })).json();
const place = (s: DhanSim, o: Record<string, unknown> = {}) => call(s, 'POST', '/orders', {
  dhanClientId: CID, correlationId: 'c-1', transactionType: 'BUY', exchangeSegment: 'NSE_EQ', productType: 'INTRADAY', orderType: 'MARKET',
  validity: 'DAY', securityId: s.instruments[0]?.securityId, quantity: 5, price: 0, ...o,
});
const alerts = async (s: DhanSim): Promise<{ ws: WebSocket; got: Record<string, unknown>[] }> => {
  const ws = new WebSocket(s.orderUpdateUrl);
  sockets.push(ws);
  const got: Record<string, unknown>[] = [];
  ws.on('message', (d) => got.push((JSON.parse(d.toString()) as { Data: Record<string, unknown> }).Data));
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  ws.send(JSON.stringify({ LoginReq: { MsgCode: 42, ClientId: CID, Token: TOKEN }, UserType: 'SELF' }));
  await until(async () => ((await (await fetch(`${s.controlUrl}/orders`)).json()) as { updates: { logins: number } }).updates.logins > 0, 3000, 'login');
  return { ws, got };
};

describe('simulator order API (Dhan REST v2 and order-update socket)', () => {
  it('answers a placed order TRANSIT, then pushes order_alert TRANSIT → PENDING → TRADED at the last traded price, IST times', async () => {
    sim = await startTestSim({ token: TOKEN });
    const { got } = await alerts(sim);
    const r = await place(sim);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ orderStatus: 'TRANSIT' });
    await until(() => got.some((a) => a.Status === 'TRADED'), 3000, 'TRADED');
    expect(got.map((a) => a.Status)).toEqual(['TRANSIT', 'PENDING', 'TRADED']);
    const traded = got.at(-1) ?? {};
    expect(traded).toMatchObject({ OrderNo: r.json.orderId, CorrelationId: 'c-1', TxnType: 'B', OrderType: 'MKT', TradedQty: 5, Quantity: 5 });
    expect(String(traded.LastUpdatedTime)).toMatch(/^2025-01-06 09:\d\d:\d\d$/);
    expect(Number(traded.AvgTradedPrice)).toBeGreaterThan(0);
    const book = await call(sim, 'GET', '/orders');
    expect(book.json).toHaveLength(1);
    expect(book.json[0]).toMatchObject({ correlationId: 'c-1', orderStatus: 'TRADED', filledQty: 5 });
  });

  it('fills in two parts when partial fills are on, and reports "Cancelled" in mixed case', async () => {
    sim = await startTestSim({ token: TOKEN });
    const { got } = await alerts(sim);
    await control(sim, 'order-fault', { partial: true });
    await place(sim, { quantity: 10 });
    await until(() => got.some((a) => a.Status === 'TRADED'), 3000, 'TRADED');
    expect(got.filter((a) => a.Status === 'PART_TRADED').map((a) => a.TradedQty)).toEqual([5]);
    await control(sim, 'order-fault', { hold: true, partial: false });
    const r = await place(sim, { correlationId: 'c-2' });
    await until(() => got.some((a) => a.CorrelationId === 'c-2' && a.Status === 'PENDING'), 3000, 'PENDING');
    expect((await call(sim, 'DELETE', `/orders/${String(r.json.orderId)}`)).status).toBe(200);
    await until(() => got.some((a) => a.Status === 'Cancelled'), 3000, 'Cancelled');
  });

  it('refuses bad input with HTTP 400 DH-905: empty strings, a bad quantity; and a bad token with 401 DH-901', async () => {
    sim = await startTestSim({ token: TOKEN });
    expect(await place(sim, { triggerPrice: '' })).toMatchObject({ status: 400, json: { errorCode: 'DH-905' } });
    expect(await place(sim, { quantity: 0 })).toMatchObject({ status: 400, json: { errorCode: 'DH-905', errorMessage: 'Invalid quantity 0' } });
    expect(await place(sim, { quantity: 2.5 })).toMatchObject({ status: 400 });
    expect(await call(sim, 'GET', '/orders', undefined, 'wrong')).toMatchObject({ status: 401, json: { errorCode: 'DH-901', errorType: 'Invalid_Authentication' } });
  });

  it('rejects at the exchange a limit price off the tick or outside the band (TRANSIT → REJECTED)', async () => {
    sim = await startTestSim({ token: TOKEN });
    const base = (sim.instruments[0]?.basePaise ?? 0) / 100;
    const off = await place(sim, { orderType: 'LIMIT', price: base + 0.03 });
    const far = await place(sim, { correlationId: 'c-far', orderType: 'LIMIT', price: Math.round(base * 2 * 20) / 20 });
    await until(async () => ((await call(sim as DhanSim, 'GET', '/orders')).json as { orderStatus: string }[]).every((o) => o.orderStatus === 'REJECTED'), 3000, 'REJECTED');
    expect((await call(sim, 'GET', `/orders/${String(off.json.orderId)}`)).json).toMatchObject({ omsErrorDescription: expect.stringMatching(/tick/) });
    expect((await call(sim, 'GET', `/orders/${String(far.json.orderId)}`)).json).toMatchObject({ omsErrorDescription: expect.stringMatching(/band/) });
  });

  it('answers 429 DH-904 without Retry-After past 10 orders a second', async () => {
    sim = await startTestSim({ token: TOKEN });
    await control(sim, 'order-fault', { hold: true });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => place(sim as DhanSim, { correlationId: `burst-${i}` })));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(2);
    expect(limited[0]?.json).toMatchObject({ errorCode: 'DH-904', errorType: 'Rate_Limit' });
    expect(limited[0]?.headers.get('retry-after')).toBeNull();
  });

  it('finds orders by correlation id (404 DH-906 when unknown) and by id ([] when unknown); reads trades, positions and funds', async () => {
    sim = await startTestSim({ token: TOKEN });
    await place(sim, { quantity: 3 });
    await until(async () => ((await call(sim as DhanSim, 'GET', '/trades')).json as unknown[]).length === 1, 3000, 'trade');
    expect((await call(sim, 'GET', '/orders/external/c-1')).json).toMatchObject({ correlationId: 'c-1', orderStatus: 'TRADED' });
    expect(await call(sim, 'GET', '/orders/external/nope')).toMatchObject({ status: 404, json: { errorCode: 'DH-906' } });
    expect(await call(sim, 'GET', '/orders/999')).toMatchObject({ status: 200, json: [] });
    expect((await call(sim, 'GET', '/positions')).json[0]).toMatchObject({ securityId: sim.instruments[0]?.securityId, netQty: 3, positionType: 'LONG' });
    const funds = (await call(sim, 'GET', '/fundlimit')).json;
    expect(funds).toHaveProperty('availabelBalance');
    expect(funds).not.toHaveProperty('availableBalance');
  });

  it('keeps an order log, and places the order before dropping the answer (dropResponse) or withholding it (timeout)', async () => {
    sim = await startTestSim({ token: TOKEN });
    await control(sim, 'order-fault', { dropResponse: 1 });
    await expect(place(sim, { correlationId: 'lost' })).rejects.toThrow();
    await control(sim, 'order-fault', { timeout: 1 });
    const ac = AbortSignal.timeout(200);
    await expect(fetch(`${sim.apiUrl}/orders`, {
      method: 'POST', signal: ac, headers: { 'access-token': TOKEN, 'client-id': CID },
      body: JSON.stringify({ dhanClientId: CID, correlationId: 'slow', transactionType: 'SELL', exchangeSegment: 'NSE_EQ', productType: 'INTRADAY', orderType: 'MARKET', validity: 'DAY', securityId: sim.instruments[1]?.securityId, quantity: 1 }),
    })).rejects.toThrow();
    const log = (await (await fetch(`${sim.controlUrl}/orders`)).json()) as { orders: { correlationId: string }[]; counters: Record<string, number> };
    expect(log.orders.map((o) => o.correlationId)).toEqual(['lost', 'slow']);
    expect(log.counters).toMatchObject({ dropped: 1, timedOut: 1, placed: 2 });
  });

  it('closes an order-update socket whose login is wrong', async () => {
    sim = await startTestSim({ token: TOKEN });
    const ws = new WebSocket(sim.orderUpdateUrl);
    sockets.push(ws);
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.send(JSON.stringify({ LoginReq: { MsgCode: 42, ClientId: CID, Token: 'bad' }, UserType: 'SELF' }));
    expect(await closed).toBe(4001);
  });
});
