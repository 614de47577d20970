import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { istText } from './ist-text.js';
import type { SimOrder } from './sim-order-book.js';

const ORDER_TYPE: Readonly<Record<string, string>> = { LIMIT: 'LMT', MARKET: 'MKT', STOP_LOSS: 'SL', STOP_LOSS_MARKET: 'SLM' };
const PRODUCT: Readonly<Record<string, string>> = { CNC: 'C', INTRADAY: 'I', MARGIN: 'M', MTF: 'F', CO: 'V', BO: 'B' };
/** Dhan's own sample shows "Cancelled" in mixed case; the other statuses go out in capitals. */
const statusText = (s: string): string => (s === 'CANCELLED' ? 'Cancelled' : s);

/** An order as Dhan's `order_alert` message (PascalCase fields, IST text times). */
export const orderAlert = (o: SimOrder): string => JSON.stringify({
  Type: 'order_alert',
  Data: {
    Exchange: 'NSE', Segment: 'E', Source: 'P', SecurityId: o.req.securityId, ClientId: o.req.dhanClientId, OrderNo: o.orderId,
    ExchOrderNo: o.status === 'TRANSIT' ? '0' : `1100000${o.orderId.slice(-8)}`, Product: PRODUCT[o.req.productType] ?? 'I',
    TxnType: o.req.transactionType === 'BUY' ? 'B' : 'S', OrderType: ORDER_TYPE[o.req.orderType] ?? 'LMT', Validity: o.req.validity,
    Quantity: o.quantity, TradedQty: o.filledQty, RemainingQuantity: o.quantity - o.filledQty, DiscQuantity: 0, DiscQtyRem: 0,
    Price: o.pricePaise / 100, TriggerPrice: o.triggerPaise / 100, TradedPrice: o.lastTradePaise / 100, AvgTradedPrice: o.avgPaise / 100,
    AlgoOrdNo: '', OffMktFlag: '0', OrderDateTime: istText(o.createMs), ExchOrderTime: istText(o.updateMs), LastUpdatedTime: istText(o.updateMs),
    Remarks: '', MktType: 'NL', ReasonDescription: o.reason, LegNo: 1, Instrument: 'EQUITY', Symbol: o.symbol, ProductName: 'INTRADAY',
    Status: statusText(o.status), LotSize: 1, StrikePrice: 0, ExpiryDate: '0001-01-01 00:00:00', OptType: 'XX', DisplayName: o.symbol,
    Isin: 'NA', Series: 'EQ', GoodTillDaysDate: '', RefLtp: o.lastTradePaise / 100, TickSize: 0.05, AlgoId: '0', Multiplier: 1,
    CorrelationId: o.req.correlationId,
  },
});

interface Client { readonly ws: WebSocket; clientId: string }

/**
 * The simulator's order-update socket at `/order-update`: a client logs in with `{"LoginReq":{"MsgCode":42,…}}`
 * (no ack, as at Dhan; a bad login is closed with 4001), then receives an `order_alert` for each change of its
 * account's orders.
 */
export class SimOrderUpdates {
  readonly #wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  readonly #clients = new Set<Client>();
  logins = 0;
  sent = 0;

  constructor(private readonly token: string | undefined, private readonly muted: () => boolean) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws));
  }

  publish(o: SimOrder): void {
    if (this.muted()) return;
    const text = orderAlert(o);
    for (const c of this.#clients) {
      if (c.clientId !== o.req.dhanClientId || c.ws.readyState !== WebSocket.OPEN) continue;
      this.sent++;
      c.ws.send(text);
    }
  }

  get connections(): number {
    return this.#clients.size;
  }

  dropAll(): void {
    for (const c of [...this.#clients]) c.ws.terminate();
  }

  close(): void {
    this.dropAll();
    this.#wss.close();
  }

  #accept(ws: WebSocket): void {
    let client: Client | undefined;
    ws.on('message', (data) => {
      if (client !== undefined) return;
      let login: { LoginReq?: { MsgCode?: unknown; ClientId?: unknown; Token?: unknown } };
      try {
        login = JSON.parse(data.toString()) as typeof login;
      } catch {
        return void ws.close(4001, 'bad login');
      }
      const l = login.LoginReq;
      const ok = l?.MsgCode === 42 && typeof l.ClientId === 'string' && l.ClientId !== '' && typeof l.Token === 'string' && (this.token === undefined || l.Token === this.token);
      if (!ok) return void ws.close(4001, 'bad login');
      client = { ws, clientId: String(l.ClientId) };
      this.logins++;
      this.#clients.add(client);
    });
    ws.on('close', () => client !== undefined && this.#clients.delete(client));
    ws.on('error', () => undefined);
  }
}
