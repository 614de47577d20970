import { DuckDbMarketDataPort, DuckDbStore, QueryTelemetry } from '../../store/index.js';
import { BarTickSource, type SimBar, type SimInstrument } from '../../sim/index.js';

export interface SimBarsRequest {
  readonly db: string;
  readonly from?: string;
  readonly to?: string;
  readonly now: () => number;
}

/**
 * Stored bars as the simulator's trades: the selected range is read into memory once (the market-data port,
 * timed into query_performance), symbols get SecurityIds from 10001 in name order.
 */
export const loadBarTickSource = async (r: SimBarsRequest): Promise<BarTickSource> => {
  const store = await DuckDbStore.open(r.db);
  const telemetry = new QueryTelemetry(store.connection, { now: r.now, startTimer: () => { const t0 = performance.now(); return () => performance.now() - t0; } }, 'sim');
  try {
    const port = new DuckDbMarketDataPort(store, telemetry);
    const f = await port.queryMarketData({ from: r.from, to: r.to, columns: ['symbol', 'timestamp', 'open', 'high', 'low', 'close', 'volume'] });
    const col = (name: string) => f[name] ?? [];
    const symbols = [...new Set(col('symbol') as string[])].sort();
    const index = new Map(symbols.map((s, i) => [s, i]));
    const paise = (v: unknown) => Math.round(Number(v) * 100);
    const bars: SimBar[] = (col('symbol') as string[]).map((s, i) => ({
      symbolIndex: index.get(s) ?? 0, startMs: Number(col('timestamp')[i]), open: paise(col('open')[i]), high: paise(col('high')[i]),
      low: paise(col('low')[i]), close: paise(col('close')[i]), volume: Number(col('volume')[i]),
    }));
    const firstOpen = new Map<number, number>();
    for (const b of bars) if (!firstOpen.has(b.symbolIndex)) firstOpen.set(b.symbolIndex, b.open);
    const instruments: SimInstrument[] = symbols.map((symbol, i) => ({ symbol, securityId: String(10_001 + i), exchangeSegment: 'NSE_EQ', basePaise: firstOpen.get(i) ?? 10_000 }));
    return new BarTickSource(instruments, bars);
  } finally {
    await telemetry.flush();
    store.close();
  }
};
