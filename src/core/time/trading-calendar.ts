import { istDateString, parseIstDate, weekdayOfDay } from './ist-session.js';

/** NSE trading days: Monday to Friday minus configured holidays (IST day numbers). */
export class TradingCalendar {
  readonly #holidays: ReadonlySet<number>;

  constructor(holidayDates: readonly string[] = []) {
    this.#holidays = new Set(holidayDates.map(parseIstDate));
  }

  isTradingDay(day: number): boolean {
    const wd = weekdayOfDay(day);
    return wd !== 0 && wd !== 6 && !this.#holidays.has(day);
  }

  /** The first `count` trading days on or after `fromDay`. */
  tradingDaysFrom(fromDay: number, count: number): number[] {
    const out: number[] = [];
    for (let d = fromDay; out.length < count; d++) if (this.isTradingDay(d)) out.push(d);
    return out;
  }

  /** The next trading day strictly after `day`. */
  nextTradingDay(day: number): number {
    let d = day + 1;
    while (!this.isTradingDay(d)) d++;
    return d;
  }

  isHoliday(date: string): boolean {
    return this.#holidays.has(parseIstDate(date));
  }

  static dateOf(day: number): string {
    return istDateString(day);
  }
}
