import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MarketCalendar } from '../core/time/market-calendar.js';
import { parseHhMm, parseIstDate } from '../core/index.js';
import { formatIssues } from './config-path.js';
import { ConfigError } from './errors.js';

const date = z.string().refine((s) => {
  try {
    parseIstDate(s);
    return true;
  } catch {
    return false;
  }
}, 'expected a real date, YYYY-MM-DD');
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const hhmm = z.string().regex(HHMM, 'expected HH:MM (IST)');
/** Runs even when a time is malformed (zod reports that one itself), so it must not throw. */
const opensBeforeClose = (s: { open: string; close: string }): boolean => !HHMM.test(s.open) || !HHMM.test(s.close) || parseHhMm(s.open) < parseHhMm(s.close);

/** config/nse-holidays.json: full-day closures, and special sessions (Muhurat trading) that open on a holiday or weekend. */
export const holidayFileSchema = z.strictObject({
  source: z.string().optional(),
  holidays: z.array(z.strictObject({ date, name: z.string().min(1) })),
  specialSessions: z.array(z.strictObject({ date, name: z.string().min(1), open: hhmm, close: hhmm })
    .refine(opensBeforeClose, { message: 'open must be before close', path: ['close'] })).default([]),
}).superRefine((f, ctx) => {
  const seen = new Set<string>();
  f.specialSessions.forEach((s, i) => {
    if (seen.has(s.date)) ctx.addIssue({ code: 'custom', path: ['specialSessions', i, 'date'], message: `two special sessions on ${s.date}` });
    seen.add(s.date);
  });
});
export type HolidayFile = z.infer<typeof holidayFileSchema>;

/** Parses a holiday file's JSON into a MarketCalendar; a bad file is a ConfigError with the path of each problem. */
export const parseHolidayFile = (raw: unknown, source: string): MarketCalendar => {
  const r = holidayFileSchema.safeParse(raw);
  if (!r.success) throw new ConfigError(formatIssues(r.error.issues), source);
  return new MarketCalendar(r.data.holidays, r.data.specialSessions);
};

/** Reads config/nse-holidays.json (or another file of that format). */
export const loadHolidayFile = (path: string): MarketCalendar => {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError([`cannot read holiday file: ${e instanceof Error ? e.message : String(e)}`], path);
  }
  return parseHolidayFile(raw, path);
};
