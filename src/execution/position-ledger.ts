import type { Fill, Side } from '../core/index.js';
import { type Charges, addCharges, computeCharges } from './charges.js';
import type { ChargeRates } from './charges-config.js';
import type { ExitReason, TradeRecord } from './trade-record.js';

interface OpenPosition {
  qty: number;
  avgPrice: number;
  readonly side: Side;
  readonly scannerId: string;
  readonly signalId: string;
  readonly symbol: string;
  readonly entryMs: number;
  readonly openedQty: number;
  realised: number;
  exitValue: number;
  exitQty: number;
  charges: Charges;
}

/** Positions and P&L, changed only by broker-reported fills. Money in integer paise. */
export class PositionLedger {
  readonly #open = new Map<number, OpenPosition>();
  /** The open symbols' ids, ascending (kept on open and close: read on every bar of a held symbol). */
  readonly #openIds: number[] = [];
  readonly #trades: TradeRecord[] = [];
  #realisedNet = 0;
  #chargesTotal = 0;

  constructor(readonly rates: ChargeRates, private readonly onTrade: (t: TradeRecord) => void = () => undefined) {}

  applyFill(f: Fill): void {
    const c = computeCharges(f.side, f.qty, f.price, this.rates);
    this.#chargesTotal += c.total;
    const p = this.#open.get(f.symbolId);
    if (p === undefined) {
      this.#openIds.splice(insertionIndex(this.#openIds, f.symbolId), 0, f.symbolId);
      this.#open.set(f.symbolId, {
        qty: f.qty, avgPrice: f.price, side: f.side, scannerId: f.scannerId, signalId: f.signalId, symbol: f.symbol,
        entryMs: f.atMs, openedQty: f.qty, realised: 0, exitValue: 0, exitQty: 0, charges: c,
      });
      return;
    }
    p.charges = addCharges(p.charges, c);
    if (f.side === p.side) {
      p.avgPrice = (p.avgPrice * p.qty + f.price * f.qty) / (p.qty + f.qty);
      p.qty += f.qty;
      return;
    }
    const closed = Math.min(p.qty, f.qty);
    p.realised += (p.side === 'BUY' ? f.price - p.avgPrice : p.avgPrice - f.price) * closed;
    p.exitValue += f.price * closed;
    p.exitQty += closed;
    p.qty -= closed;
    if (p.qty === 0) this.#close(f.symbolId, p, f.atMs, reasonOf(f.purpose));
  }

  position(symbolId: number): { readonly qty: number; readonly side: Side; readonly avgPrice: number; readonly symbol: string; readonly scannerId: string; readonly signalId: string } | undefined {
    return this.#open.get(symbolId);
  }

  get openCount(): number {
    return this.#open.size;
  }

  /** The open symbols' ids, ascending (a live view: copy it to keep it). */
  openSymbolIds(): readonly number[] {
    return this.#openIds;
  }

  /** Margin basis: the notional of open positions at their average price. */
  openNotional(): number {
    let n = 0;
    for (const p of this.#open.values()) n += p.avgPrice * p.qty;
    return n;
  }

  get realisedNetPaise(): number {
    return this.#realisedNet;
  }

  get chargesPaise(): number {
    return this.#chargesTotal;
  }

  get trades(): readonly TradeRecord[] {
    return this.#trades;
  }

  #close(symbolId: number, p: OpenPosition, atMs: number, reason: ExitReason): void {
    this.#open.delete(symbolId);
    this.#openIds.splice(this.#openIds.indexOf(symbolId), 1);
    const gross = Math.round(p.realised);
    const t: TradeRecord = {
      tradeNo: this.#trades.length + 1, scannerId: p.scannerId, signalId: p.signalId, symbol: p.symbol, side: p.side,
      qty: p.openedQty, entryMs: p.entryMs, entryPrice: Math.round(p.avgPrice), exitMs: atMs,
      exitPrice: Math.round(p.exitValue / p.exitQty), exitReason: reason, grossPnl: gross, charges: p.charges,
      netPnl: gross - p.charges.total,
    };
    this.#realisedNet += t.netPnl;
    this.#trades.push(t);
    this.onTrade(t);
  }
}

const reasonOf = (purpose: Fill['purpose']): ExitReason =>
  purpose === 'TARGET' ? 'TARGET' : purpose === 'STOP' ? 'STOP' : purpose === 'SQUARE_OFF' ? 'SQUARE_OFF' : 'END_OF_DATA';

/** Where `id` goes in the ascending `ids` (the first index whose id is larger). */
const insertionIndex = (ids: readonly number[], id: number): number => {
  let i = 0;
  while (i < ids.length && (ids[i] as number) < id) i++;
  return i;
};
