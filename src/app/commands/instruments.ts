import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, type EngineConfig } from '../../config/index.js';
import type { Instrument } from '../../feed/dhan/index.js';
import { instrumentSchema } from '../../feed/index.js';

/** The instruments to subscribe: `feed.instruments` plus those in `feed.instrumentsFile`, de-duplicated by symbol. */
export const loadInstruments = (cfg: Readonly<EngineConfig>): Instrument[] => {
  const all: Instrument[] = [...cfg.feed.instruments];
  const file = cfg.feed.instrumentsFile;
  if (file !== undefined) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ConfigError([`feed.instrumentsFile: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`], file);
    }
    const parsed = z.array(instrumentSchema).safeParse(raw);
    if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${['[file]', ...i.path.map(String)].join('.')}: ${i.message}`), file);
    all.push(...parsed.data);
  }
  const seen = new Map<string, Instrument>();
  for (const i of all) seen.set(i.symbol, i);
  return [...seen.values()];
};
