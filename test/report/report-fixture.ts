import type { ReportData, ReportTradeRow } from '../../src/report/index.js';

const DAY_MS = 86_400_000;
/** 2025-01-06 09:15 IST as UTC epoch ms. */
export const SESSION_OPEN_MS = Date.parse('2025-01-06T09:15:00+05:30');

export const trade = (over: Partial<ReportTradeRow> = {}): ReportTradeRow => ({
  tradeNo: 1, scanner: 'vwap-cross', symbol: 'TCS', side: 'BUY', qty: 10, entryMs: SESSION_OPEN_MS + 10 * 60_000, entryPricePaise: 400_000,
  exitMs: SESSION_OPEN_MS + 40 * 60_000, exitPricePaise: 401_000, exitReason: 'TARGET', grossPnlPaise: 10_000, chargesPaise: 1_500, netPnlPaise: 8_500,
  brokeragePaise: 800, sttPaise: 300, exchangeTxnPaise: 200, sebiFeePaise: 10, stampDutyPaise: 40, gstPaise: 150, ...over,
});

/** A small, valid report: two days, two trades, 60 one-minute bars of TCS. */
export const reportData = (over: Partial<ReportData> = {}): ReportData => ({
  run: {
    runId: 'run-1', algorithmName: 'scanner-portfolio', scannersUsed: ['ema-crossover', 'vwap-cross'],
    startMs: Date.parse('2025-01-06T00:00:00+05:30'), endMs: SESSION_OPEN_MS + DAY_MS + 375 * 60_000, fromDate: '2025-01-06', toDate: '2025-01-07',
    symbolsTested: 2, totalSignals: 5, profitableSignals: 1, totalReturn: 0.0004, maxDrawdown: 0.0002, sharpeRatio: 1.25, executionTimeSeconds: 3,
    configSnapshot: JSON.stringify({ risk: { capitalPaise: 100_000_000 } }),
  },
  daily: [
    { date: '2025-01-06', equityPaise: 100_008_500, netPnlPaise: 8_500, trades: 1 },
    { date: '2025-01-07', equityPaise: 100_004_500, netPnlPaise: -4_000, trades: 1 },
  ],
  trades: [
    trade(),
    trade({ tradeNo: 2, scanner: 'ema-crossover', side: 'SELL', entryMs: SESSION_OPEN_MS + DAY_MS, exitMs: SESSION_OPEN_MS + DAY_MS + 5 * 60_000, exitReason: 'STOP', grossPnlPaise: -2_500, netPnlPaise: -4_000 }),
  ],
  scanners: [
    { scanner: 'ema-crossover', totalSignals: 3, profitableSignals: 0, winRatePct: 0, avgProfitPaise: 0, avgLossPaise: -4_000, profitFactor: 0, maxConsecutiveLosses: 1 },
    { scanner: 'vwap-cross', totalSignals: 2, profitableSignals: 1, winRatePct: 100, avgProfitPaise: 8_500, avgLossPaise: 0, profitFactor: null, maxConsecutiveLosses: 0 },
  ],
  quality: { symbolsExact: true, rows: [{ symbol: 'TCS', days: 2, totalRecords: 750, validRecords: 750, avgMissingPct: 0, outliers: 1, avgScore: 0.98, minScore: 0.96 }] },
  bars: {
    symbol: 'TCS', bucketMinutes: 1, sourceBars: 60,
    bars: Array.from({ length: 60 }, (_, i) => ({
      startMs: SESSION_OPEN_MS + i * 60_000, openPaise: 400_000 + i * 5, highPaise: 400_100 + i * 5, lowPaise: 399_900 + i * 5, closePaise: 400_050 + i * 5, volume: 1_000,
    })),
  },
  ...over,
});

/** The JSON the page hands to its chart script. */
export const chartJson = (html: string): any => {
  const m = /<script type="application\/json" id="chart-data">([\s\S]*?)<\/script>/.exec(html);
  if (m?.[1] === undefined) throw new Error('no chart-data block');
  return JSON.parse(m[1]);
};
