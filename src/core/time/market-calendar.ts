import { parseHhMm, parseIstDate } from './ist-session.js';
import { TradingCalendar } from './trading-calendar.js';

/** A session outside the regular calendar (e.g. Muhurat trading on Diwali), on a holiday or a weekend. */
export interface SpecialSession {
  readonly date: string;
  readonly name: string;
  /** HH:MM IST. */
  readonly open: string;
  readonly close: string;
}

export interface Holiday {
  readonly date: string;
  readonly name: string;
}

/** What a day holds: the regular session, a special one (which replaces the regular hours), or nothing. */
export type DaySession =
  | { readonly kind: 'regular' }
  | { readonly kind: 'special'; readonly name: string; readonly openMin: number; readonly closeMin: number };

/** NSE days: weekdays minus holidays, plus special sessions. Pure; built from config/nse-holidays.json. */
export class MarketCalendar {
  readonly #trading: TradingCalendar;
  readonly #special: ReadonlyMap<number, DaySession>;
  readonly #years: ReadonlySet<number>;

  constructor(holidays: readonly Holiday[] = [], specialSessions: readonly SpecialSession[] = []) {
    this.#trading = new TradingCalendar(holidays.map((h) => h.date));
    this.#special = new Map(specialSessions.map((s) => [parseIstDate(s.date), { kind: 'special', name: s.name, openMin: parseHhMm(s.open), closeMin: parseHhMm(s.close) }]));
    this.#years = new Set(holidays.map((h) => Number(h.date.slice(0, 4))));
  }

  /** The session on IST day `day`, or undefined on a weekend or holiday without a special session. */
  sessionOn(day: number): DaySession | undefined {
    return this.#special.get(day) ?? (this.#trading.isTradingDay(day) ? { kind: 'regular' } : undefined);
  }

  /** True when the holiday list covers the year of `day` (a year with no listed holidays is likely missing). */
  covers(day: number): boolean {
    return this.#years.has(Number(TradingCalendar.dateOf(day).slice(0, 4)));
  }
}
