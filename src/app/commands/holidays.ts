import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError } from '../../config/index.js';

const holidayFile = z.strictObject({
  source: z.string().optional(),
  holidays: z.array(z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), name: z.string() })),
  specialSessions: z.array(z.strictObject({ date: z.string(), name: z.string(), open: z.string(), close: z.string() })).default([]),
});

export const defaultHolidayFile = fileURLToPath(new URL('../../../config/nse-holidays.json', import.meta.url));

/** Holiday dates from the NSE holiday file (config/nse-holidays.json by default). */
export const loadHolidays = (path = defaultHolidayFile): string[] => {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError([`cannot read holiday file: ${e instanceof Error ? e.message : String(e)}`], path);
  }
  const r = holidayFile.safeParse(raw);
  if (!r.success) throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), path);
  return r.data.holidays.map((h) => h.date);
};
