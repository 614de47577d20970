import type { EpochMs } from '../types/units.js';
import { istDateString, istDay, istTimeOnDay, parseHhMm } from './ist-session.js';
import type { DaySession, MarketCalendar } from './market-calendar.js';

/** The process-level events of a market day, in the order they happen. */
export const MARKET_EVENT_KINDS = ['warm-up', 'open', 'entry-cutoff', 'square-off', 'close', 'eod-summary'] as const;
export type MarketEventKind = (typeof MARKET_EVENT_KINDS)[number];

/** HH:MM IST for each event of a regular session. */
export interface MarketDayTimes {
  readonly warmUp: string;
  readonly open: string;
  readonly entryCutoff: string;
  readonly squareOff: string;
  readonly close: string;
  readonly eodSummary: string;
}

export const DEFAULT_MARKET_DAY_TIMES: MarketDayTimes = {
  warmUp: '09:00', open: '09:15', entryCutoff: '15:00', squareOff: '15:15', close: '15:30', eodSummary: '15:35',
};

export interface MarketEvent {
  readonly kind: MarketEventKind;
  readonly atMs: EpochMs;
  /** IST date of the session, YYYY-MM-DD. */
  readonly date: string;
  /** 'regular', or the special session's name (e.g. "Muhurat trading"). */
  readonly session: string;
}

const keyOf: Record<MarketEventKind, keyof MarketDayTimes> = {
  'warm-up': 'warmUp', open: 'open', 'entry-cutoff': 'entryCutoff', 'square-off': 'squareOff', close: 'close', 'eod-summary': 'eodSummary',
};

/** One line per problem: bad HH:MM values, or times out of order (warm-up ≤ open < close, cut-off ≤ square-off within the session, summary after close). */
export const validateMarketDayTimes = (t: MarketDayTimes): string[] => {
  const bad = MARKET_EVENT_KINDS.map((k) => keyOf[k]).filter((k) => !/^([01]\d|2[0-3]):[0-5]\d$/.test(t[k]));
  if (bad.length > 0) return bad.map((k) => `${k}: not a time of day (HH:MM): ${t[k]}`);
  const m = minutesOf(t);
  const out: string[] = [];
  if (!(m.warmUp <= m.open)) out.push(`warmUp (${t.warmUp}) must not be after open (${t.open})`);
  if (!(m.open < m.close)) out.push(`open (${t.open}) must be before close (${t.close})`);
  if (!(m.open <= m.entryCutoff && m.entryCutoff <= m.squareOff && m.squareOff <= m.close)) {
    out.push(`open (${t.open}) ≤ entry cut-off (${t.entryCutoff}) ≤ square-off (${t.squareOff}) ≤ close (${t.close}) must hold`);
  }
  if (!(m.close <= m.eodSummary)) out.push(`eodSummary (${t.eodSummary}) must not be before close (${t.close})`);
  return out;
};

type Minutes = Record<keyof MarketDayTimes, number>;

const minutesOf = (t: MarketDayTimes): Minutes => ({
  warmUp: parseHhMm(t.warmUp), open: parseHhMm(t.open), entryCutoff: parseHhMm(t.entryCutoff),
  squareOff: parseHhMm(t.squareOff), close: parseHhMm(t.close), eodSummary: parseHhMm(t.eodSummary),
});

/** A special session keeps the regular offsets from its own open and close, clamped inside the session. */
const sessionMinutes = (regular: Minutes, s: DaySession): Minutes => {
  if (s.kind === 'regular') return regular;
  const clamp = (v: number): number => Math.min(s.closeMin, Math.max(s.openMin, v));
  const entryCutoff = clamp(s.closeMin - (regular.close - regular.entryCutoff));
  return {
    warmUp: s.openMin - (regular.open - regular.warmUp),
    open: s.openMin,
    entryCutoff,
    squareOff: Math.max(entryCutoff, clamp(s.closeMin - (regular.close - regular.squareOff))),
    close: s.closeMin,
    eodSummary: s.closeMin + (regular.eodSummary - regular.close),
  };
};

/** The events of IST day `day`, in order (empty on a weekend or holiday without a special session). */
export const marketEventsOnDay = (calendar: MarketCalendar, times: MarketDayTimes, day: number): MarketEvent[] => {
  const session = calendar.sessionOn(day);
  if (session === undefined) return [];
  const m = sessionMinutes(minutesOf(times), session);
  const date = istDateString(day);
  const name = session.kind === 'special' ? session.name : 'regular';
  return MARKET_EVENT_KINDS.map((kind) => ({ kind, atMs: istTimeOnDay(day, m[keyOf[kind]]), date, session: name }));
};

/** How far ahead the planner looks for the next session before giving up (a calendar with no days left). */
const MAX_DAYS_AHEAD = 400;

/**
 * The next `count` events strictly after `afterMs`, in time order (ties in the order of MARKET_EVENT_KINDS).
 * Weekends and holidays are skipped; special sessions are included. Pure: the same inputs give the same plan.
 */
export const nextMarketEvents = (calendar: MarketCalendar, times: MarketDayTimes, afterMs: number, count: number): MarketEvent[] => {
  const out: MarketEvent[] = [];
  // start one day back: a special session's summary can fall after midnight of its own day
  const first = istDay(afterMs) - 1;
  for (let day = first; out.length < count && day <= first + MAX_DAYS_AHEAD; day++) {
    for (const e of marketEventsOnDay(calendar, times, day)) if (e.atMs > afterMs && out.length < count) out.push(e);
  }
  return out;
};

/** Every event in (fromMs, toMs], in order. */
export const marketEventsBetween = (calendar: MarketCalendar, times: MarketDayTimes, fromMs: number, toMs: number): MarketEvent[] => {
  const out: MarketEvent[] = [];
  for (let day = istDay(fromMs) - 1; day <= istDay(toMs); day++) {
    for (const e of marketEventsOnDay(calendar, times, day)) if (e.atMs > fromMs && e.atMs <= toMs) out.push(e);
  }
  return out;
};
