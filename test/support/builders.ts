import { type Bar, type EpochMs, type OrderRequest, type Paise, type Qty, istTimeOnDay, parseIstDate } from '../../src/core/index.js';

/** IST day number of a date string. */
export const day = (date = '2025-01-06'): number => parseIstDate(date);

/** UTC ms of HH:MM IST on a date. */
export const ist = (hhmm: string, date = '2025-01-06'): EpochMs => {
  const [h, m] = hhmm.split(':').map(Number);
  return istTimeOnDay(day(date), (h ?? 0) * 60 + (m ?? 0));
};

/** A one-minute bar starting at `start` (HH:MM IST); prices in rupees for readability. */
export const bar = (o: { start: string; o: number; h: number; l: number; c: number; v?: number; symbol?: string; symbolId?: number; date?: string }): Bar => {
  const startMs = ist(o.start, o.date);
  const p = (r: number): Paise => Math.round(r * 100) as Paise;
  return {
    symbol: o.symbol ?? 'TEST', symbolId: o.symbolId ?? 0, startMs, endMs: (startMs + 60_000) as EpochMs,
    open: p(o.o), high: p(o.h), low: p(o.l), close: p(o.c), volume: o.v ?? 1000, receivedMs: (startMs + 60_000) as EpochMs,
  };
};

export const order = (o: Partial<OrderRequest> & Pick<OrderRequest, 'type' | 'side'>): OrderRequest => ({
  clientOrderId: 'C1', symbol: 'TEST', symbolId: 0, qty: 10 as Qty, purpose: 'ENTRY', scannerId: 'scn', signalId: 'sig', atMs: ist('10:00'), ...o,
});

export const rupees = (r: number): Paise => Math.round(r * 100) as Paise;
