import { emaCrossover } from './ema-crossover.js';
import { ScannerConfigError } from './errors.js';
import { openingRangeBreakout } from './opening-range-breakout.js';
import { rsiReversal } from './rsi-reversal.js';
import type { ScannerDefinition, ScannerInstance } from './scanner.js';
import { supertrend } from './supertrend.js';
import { volumeSpike } from './volume-spike.js';
import { vwapCross } from './vwap-cross.js';

const all: readonly ScannerDefinition<never>[] = [openingRangeBreakout, vwapCross, emaCrossover, rsiReversal, volumeSpike, supertrend] as never;

/** Every built-in scanner by id. */
export const scannerRegistry: ReadonlyMap<string, ScannerDefinition<unknown>> = new Map(all.map((d) => [d.id, d as ScannerDefinition<unknown>]));

export const getScannerDefinition = (id: string): ScannerDefinition<unknown> => {
  const d = scannerRegistry.get(id);
  if (d === undefined) throw new ScannerConfigError('CONFIG_SCANNER_UNKNOWN', `unknown scanner "${id}" (known: ${[...scannerRegistry.keys()].sort().join(', ')})`, { id });
  return d;
};

/** Parses `rawParams` with the scanner's schema and creates an instance; `path` prefixes every reported key. */
export const createScanner = (id: string, rawParams: unknown, path = `scanners.${id}.params`): ScannerInstance => {
  const def = getScannerDefinition(id);
  const r = def.params.safeParse(rawParams ?? {});
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${[path, ...i.path.map(String)].join('.')}: ${i.message}`);
    throw new ScannerConfigError('CONFIG_SCANNER_PARAMS', issues.join('; '), { id, issues });
  }
  return def.create(r.data);
};
