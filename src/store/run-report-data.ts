/** One backtest run as a report needs it. Money and prices in integer paise, times in epoch ms (UTC). */
export interface RunReportData {
  readonly run: ReportRun;
  readonly daily: readonly ReportDay[];
  readonly trades: readonly ReportTrade[];
  readonly scanners: readonly ReportScanner[];
  readonly quality: ReportQuality;
  /** Bars of one symbol over the run's range; undefined when the range holds none. */
  readonly bars: ReportBars | undefined;
}

export interface ReportRun {
  readonly runId: string;
  readonly algorithmName: string;
  readonly scannersUsed: readonly string[];
  readonly startMs: number;
  readonly endMs: number;
  /** IST trading dates, inclusive. */
  readonly fromDate: string;
  readonly toDate: string;
  readonly symbolsTested: number;
  readonly totalSignals: number;
  readonly profitableSignals: number;
  /** Fractions: 0.05 is 5 %. */
  readonly totalReturn: number;
  readonly maxDrawdown: number;
  readonly sharpeRatio: number;
  readonly executionTimeSeconds: number;
  /** The engine config of the run, as JSON text. */
  readonly configSnapshot: string;
}

export interface ReportDay {
  readonly date: string;
  readonly equityPaise: number;
  readonly netPnlPaise: number;
  readonly trades: number;
}

export interface ReportTrade {
  readonly tradeNo: number;
  readonly scanner: string;
  readonly symbol: string;
  readonly side: string;
  readonly qty: number;
  readonly entryMs: number;
  readonly entryPricePaise: number;
  readonly exitMs: number;
  readonly exitPricePaise: number;
  readonly exitReason: string;
  readonly grossPnlPaise: number;
  readonly chargesPaise: number;
  readonly netPnlPaise: number;
  readonly brokeragePaise: number;
  readonly sttPaise: number;
  readonly exchangeTxnPaise: number;
  readonly sebiFeePaise: number;
  readonly stampDutyPaise: number;
  readonly gstPaise: number;
}

/** A scanner_performance row. */
export interface ReportScanner {
  readonly scanner: string;
  readonly totalSignals: number;
  readonly profitableSignals: number;
  readonly winRatePct: number;
  readonly avgProfitPaise: number;
  readonly avgLossPaise: number;
  readonly profitFactor: number | null;
  readonly maxConsecutiveLosses: number;
}

export interface ReportQuality {
  /** How the symbols were chosen: exactly the run's symbols, or an approximation when the run used a subset. */
  readonly symbolsExact: boolean;
  readonly rows: readonly ReportQualityRow[];
}

/** data_quality_metrics of one symbol summed over the run's dates. */
export interface ReportQualityRow {
  readonly symbol: string;
  readonly days: number;
  readonly totalRecords: number;
  readonly validRecords: number;
  readonly avgMissingPct: number;
  readonly outliers: number;
  readonly avgScore: number;
  readonly minScore: number;
}

export interface ReportBars {
  readonly symbol: string;
  /** Minutes per bar after downsampling (1 = the stored one-minute bars; 1440 = one bar per day). */
  readonly bucketMinutes: number;
  /** One-minute bars in the database for the symbol and range. */
  readonly sourceBars: number;
  readonly bars: readonly ReportBar[];
}

export interface ReportBar {
  readonly startMs: number;
  readonly openPaise: number;
  readonly highPaise: number;
  readonly lowPaise: number;
  readonly closePaise: number;
  readonly volume: number;
}
