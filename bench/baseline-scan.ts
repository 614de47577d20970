import type { EpochMs, Paise } from '../src/core/index.js';
import { enabledScanners } from '../src/app/assemble-engine.js';
import type { EngineConfig } from '../src/config/index.js';
import { WindowStore } from '../src/state/index.js';
import type { BarReader } from '../src/store/index.js';

/**
 * The baseline of issue 3: the same bars read from DuckDB the same way and the same scanner logic as plain
 * function calls: no RxJS, risk, broker or journal.
 */
export const baselineScan = async (reader: BarReader, config: Readonly<EngineConfig>): Promise<number> => {
  const scanners = enabledScanners(config);
  const windows = new WindowStore(Math.max(config.replay.windowBars, ...scanners.map((s) => s.warmupBars + 1)));
  const names = reader.symbols.names;
  let bars = 0;
  let signals = 0;
  for await (const c of reader.chunks()) {
    for (let i = 0; i < c.length; i++) {
      const startMs = c.startMs[i] as number;
      const symbolId = c.symbolId[i] as number;
      const u = windows.push({
        symbol: names[symbolId] ?? '', symbolId, startMs: startMs as EpochMs, endMs: (startMs + 60_000) as EpochMs,
        open: c.open[i] as Paise, high: c.high[i] as Paise, low: c.low[i] as Paise, close: c.close[i] as Paise,
        volume: c.volume[i] as number, receivedMs: (startMs + 60_000) as EpochMs,
      });
      for (const s of scanners) if (s.next(u) !== undefined) signals++;
    }
    bars += c.length;
  }
  if (signals < 0) throw new Error('unreachable');
  return bars;
};
