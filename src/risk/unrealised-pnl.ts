import type { PositionView } from './risk-check.js';

/** What the risk engine reads of the position ledger (PositionLedger satisfies it). */
export interface PositionBook {
  position(symbolId: number): PositionView | undefined;
  openSymbolIds(): readonly number[];
  readonly trades: readonly { readonly netPnl: number }[];
}

/** Mark-to-market of the open positions at the last prices (a symbol without one is marked at its average price), paise. */
export const unrealisedPnl = (book: PositionBook, lastPrice: (symbolId: number) => number | undefined): number => {
  let pnl = 0;
  for (const id of book.openSymbolIds()) {
    const p = book.position(id);
    if (p === undefined) continue;
    const move = (lastPrice(id) ?? p.avgPrice) - p.avgPrice;
    pnl += (p.side === 'BUY' ? move : -move) * p.qty;
  }
  return pnl;
};
