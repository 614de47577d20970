/**
 * What a report shows about one backtest run. Money and prices in integer paise, times in epoch ms (UTC).
 * The store's results reader returns this shape; the report keeps its own copy so that it depends on core only.
 */
export interface ReportData {
  readonly run: {
    readonly runId: string; readonly algorithmName: string; readonly scannersUsed: readonly string[];
    readonly startMs: number; readonly endMs: number; readonly fromDate: string; readonly toDate: string;
    readonly symbolsTested: number; readonly totalSignals: number; readonly profitableSignals: number;
    readonly totalReturn: number; readonly maxDrawdown: number; readonly sharpeRatio: number;
    readonly executionTimeSeconds: number; readonly configSnapshot: string;
  };
  readonly daily: readonly { readonly date: string; readonly equityPaise: number; readonly netPnlPaise: number; readonly trades: number }[];
  readonly trades: readonly ReportTradeRow[];
  readonly scanners: readonly {
    readonly scanner: string; readonly totalSignals: number; readonly profitableSignals: number; readonly winRatePct: number;
    readonly avgProfitPaise: number; readonly avgLossPaise: number; readonly profitFactor: number | null; readonly maxConsecutiveLosses: number;
  }[];
  readonly quality: {
    readonly symbolsExact: boolean;
    readonly rows: readonly {
      readonly symbol: string; readonly days: number; readonly totalRecords: number; readonly validRecords: number;
      readonly avgMissingPct: number; readonly outliers: number; readonly avgScore: number; readonly minScore: number;
    }[];
  };
  readonly bars: ReportCandles | undefined;
}

export interface ReportTradeRow {
  readonly tradeNo: number; readonly scanner: string; readonly symbol: string; readonly side: string; readonly qty: number;
  readonly entryMs: number; readonly entryPricePaise: number; readonly exitMs: number; readonly exitPricePaise: number; readonly exitReason: string;
  readonly grossPnlPaise: number; readonly chargesPaise: number; readonly netPnlPaise: number;
  readonly brokeragePaise: number; readonly sttPaise: number; readonly exchangeTxnPaise: number; readonly sebiFeePaise: number;
  readonly stampDutyPaise: number; readonly gstPaise: number;
}

export interface ReportCandles {
  readonly symbol: string;
  readonly bucketMinutes: number;
  readonly sourceBars: number;
  readonly bars: readonly ReportCandle[];
}

export interface ReportCandle {
  readonly startMs: number; readonly openPaise: number; readonly highPaise: number; readonly lowPaise: number;
  readonly closePaise: number; readonly volume: number;
}
