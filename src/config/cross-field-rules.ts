import type { z } from 'zod';
import { validateMarketDayTimes } from '../core/time/market-day-plan.js';
import { marketDayTimesOf } from './market-day-times.js';
import type { EngineConfig } from './schema.js';

/** What stage two needs to know about scanners: their ids and parameter schemas. */
export type ScannerSchemas = ReadonlyMap<string, { readonly params: z.ZodType }>;

export interface ConfigRule {
  readonly name: string;
  check(c: EngineConfig, scanners: ScannerSchemas): string[];
}

const everyScannerExists: ConfigRule = {
  name: 'every configured scanner exists',
  check: (c, s) => Object.keys(c.scanners).filter((id) => !s.has(id)).map((id) => `scanners.${id}: unknown scanner (known: ${[...s.keys()].sort().join(', ')})`),
};

const scannerParamsParse: ConfigRule = {
  name: "every scanner's params parse with its own schema",
  check: (c, s) =>
    Object.entries(c.scanners).flatMap(([id, entry]) => {
      const def = s.get(id);
      if (def === undefined) return [];
      const r = def.params.safeParse(entry.params);
      return r.success ? [] : r.error.issues.map((i) => `scanners.${id}.params${i.path.map((p) => `.${String(p)}`).join('')}: ${i.message}`);
    }),
};

const sessionTimesOrdered: ConfigRule = {
  name: 'entries open before they close, and square-off comes after the entry cut-off',
  check: (c) => {
    const s = c.execution.session;
    const out: string[] = [];
    if (!(s.entriesFrom < s.entriesUntil)) out.push(`execution.session.entriesUntil: must be after entriesFrom (${s.entriesFrom})`);
    if (!(s.entriesUntil <= s.squareOff)) out.push(`execution.session.squareOff: must not be before entriesUntil (${s.entriesUntil})`);
    return out;
  },
};

const marketDayOrdered: ConfigRule = {
  name: 'the market day runs warm-up, open, entry cut-off, square-off, close, summary in that order',
  check: (c) => validateMarketDayTimes(marketDayTimesOf(c)).map((m) => `schedule: ${m} (open and close are feed.marketOpen/marketClose; cut-off and square-off are execution.session.entriesUntil/squareOff)`),
};

export const configRules: readonly ConfigRule[] = [everyScannerExists, scannerParamsParse, sessionTimesOrdered, marketDayOrdered];
