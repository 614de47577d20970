import type { EpochMs } from '../types/units.js';

/** India has no DST: IST is always UTC+05:30. Nothing here depends on the host's time zone. */
export const IST_OFFSET_MS = 19_800_000;
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** IST calendar day number (days since 1970-01-01 in IST). */
export const istDay = (t: number): number => Math.floor((t + IST_OFFSET_MS) / DAY_MS);

/** Minutes since IST midnight. */
export const istMinuteOfDay = (t: number): number => Math.floor(((t + IST_OFFSET_MS) % DAY_MS) / MINUTE_MS);

/** UTC instant of `hh:mm` IST on IST day `day`. */
export const istTimeOnDay = (day: number, minuteOfDay: number): EpochMs =>
  (day * DAY_MS - IST_OFFSET_MS + minuteOfDay * MINUTE_MS) as EpochMs;

/** Parses "HH:MM" to minutes since midnight; throws RangeError on a bad value. */
export const parseHhMm = (s: string): number => {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(s);
  if (!m) throw new RangeError(`not a time of day (HH:MM): ${s}`);
  return Number(m[1]) * 60 + Number(m[2]);
};

/** "YYYY-MM-DD" of an IST day number. */
export const istDateString = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** IST day number of "YYYY-MM-DD"; throws RangeError on a bad date. */
export const parseIstDate = (s: string): number => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new RangeError(`not a date (YYYY-MM-DD): ${s}`);
  const ms = Date.parse(`${s}T00:00:00Z`);
  if (Number.isNaN(ms) || istDateString(ms / DAY_MS) !== s) throw new RangeError(`not a valid date: ${s}`);
  return ms / DAY_MS;
};

/** 0 = Sunday … 6 = Saturday, for an IST day number. */
export const weekdayOfDay = (day: number): number => (day + 4) % 7;
