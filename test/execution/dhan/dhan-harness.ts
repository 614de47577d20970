import { type Journal, type JournalRecord, LiveClock, type OrderRequest, SymbolTable, epochMs, qty } from '../../../src/core/index.js';
import { DhanBroker, type DhanBrokerOptions, DhanOrderUpdateSocket, DhanRestClient, type DhanInstrument } from '../../../src/execution/dhan/index.js';
import type { DhanSim } from '../../../src/sim/index.js';
import { startTestSim } from '../../support/sim-harness.js';

export const CLIENT_ID = '1000000001';
export const TOKEN = 'secret-token-123';

/** A simulator that accepts only TOKEN, with orders resting unless a test fills them. */
export const startOrderSim = async (symbols = 5): Promise<DhanSim> => {
  const sim = await startTestSim({ symbols, token: TOKEN });
  await orderFault(sim, { hold: true, transitMs: 5, fillDelayMs: 5 });
  return sim;
};

export const instrumentsOf = (sim: DhanSim): DhanInstrument[] =>
  sim.instruments.map(({ symbol, securityId, exchangeSegment }) => ({ symbol, securityId, exchangeSegment }));

export interface BrokerSetup {
  readonly broker: DhanBroker;
  readonly symbols: SymbolTable;
  readonly rest: DhanRestClient;
  readonly socket: DhanOrderUpdateSocket | undefined;
}

/** A DhanBroker on the simulator: short timeouts, quick lookups and polling, the order-update socket unless `socket: false`. */
export const dhanBrokerFor = (sim: DhanSim, options: Partial<Omit<DhanBrokerOptions, 'socket'>> & { socket?: boolean; timeoutMs?: number } = {}): BrokerSetup => {
  const { socket: useSocket, timeoutMs, ...o } = options;
  const clock = new LiveClock();
  const rest = new DhanRestClient({ baseUrl: sim.apiUrl, clientId: CLIENT_ID, token: TOKEN, timeoutMs: timeoutMs ?? 1000 });
  const socket = useSocket === false ? undefined : new DhanOrderUpdateSocket({
    url: sim.orderUpdateUrl, clientId: CLIENT_ID, token: TOKEN, clock, reconnect: { initialMs: 20, maxMs: 200 }, pingMs: 500,
  });
  const instruments = instrumentsOf(sim);
  const symbols = new SymbolTable(instruments.map((i) => i.symbol));
  const broker = new DhanBroker({
    rest, instruments, symbols, clock, productType: 'INTRADAY', lookupDelayMs: 20, placeRetries: 1, pollMs: 50, ...(socket ? { socket } : {}), ...o,
  });
  broker.start();
  return { broker, symbols, rest, socket };
};

let seq = 0;
/** An order for the simulator's `i`-th instrument with a unique, Dhan-valid client order id. */
export const simOrder = (sim: DhanSim, symbols: SymbolTable, o: Partial<OrderRequest> & { i?: number } = {}): OrderRequest => {
  const symbol = sim.instruments[o.i ?? 0]?.symbol ?? 'SIM0001';
  seq += 1;
  return {
    clientOrderId: `T-${process.pid.toString(36)}-${seq}`, symbol, symbolId: symbols.id(symbol) ?? 0, side: 'BUY', qty: qty(10), type: 'MARKET',
    purpose: 'ENTRY', scannerId: 'scn', signalId: `sig${seq}`, atMs: epochMs(0), ...o,
  };
};

const post = async (sim: DhanSim, path: string, body: unknown): Promise<unknown> => {
  const res = await fetch(`${sim.controlUrl}/${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`control ${path} ${res.status}: ${await res.text()}`);
  return res.json();
};

export const orderFault = (sim: DhanSim, body: Record<string, unknown>): Promise<unknown> => post(sim, 'order-fault', body);
export const orderFill = (sim: DhanSim, body: { correlationId: string; qty?: number; pricePaise?: number }): Promise<unknown> => post(sim, 'order-fill', body);

export interface OrderLog {
  orders: { orderId: string; correlationId: string; orderStatus: string; filledQty: number; quantity: number; receivedWallMs: number }[];
  counters: Record<string, number>;
  updates: { connections: number; logins: number; sent: number };
}

export const orderLog = async (sim: DhanSim): Promise<OrderLog> => (await (await fetch(`${sim.controlUrl}/orders`)).json()) as OrderLog;

/** A journal that keeps records in memory. */
export const memoryJournal = (): Journal & { records: JournalRecord[] } => {
  const records: JournalRecord[] = [];
  return { records, append: (r) => void records.push(r), flush: async () => undefined };
};
