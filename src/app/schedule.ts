import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schedule } from 'node-cron';
import { type EngineConfig, loadHolidayFile, marketDayTimesOf } from '../config/index.js';
import type { Clock, EpochMs } from '../core/index.js';
import type { MarketCalendar } from '../core/time/market-calendar.js';
import { type MarketDayTimes, type MarketEvent, marketEventsBetween, nextMarketEvents } from '../core/time/market-day-plan.js';

export const defaultHolidaysFile = fileURLToPath(new URL('../../config/nse-holidays.json', import.meta.url));

/** The calendar and times of the market day from the config; `schedule.holidaysFile` is relative to the config file. */
export const marketDayOf = (config: Readonly<EngineConfig>, configFile?: string): { calendar: MarketCalendar; times: MarketDayTimes } => {
  const f = config.schedule.holidaysFile;
  const file = f === undefined ? defaultHolidaysFile : resolve(configFile === undefined ? '.' : dirname(configFile), f);
  return { calendar: loadHolidayFile(file), times: marketDayTimesOf(config) };
};

export interface MarketDayOptions {
  readonly calendar: MarketCalendar;
  readonly times: MarketDayTimes;
  readonly clock: Clock;
  /**
   * 'cron' (live): node-cron wakes the runner on every IST minute and the plan says what is due, so a tick
   * missed while the machine slept is caught up in order. 'clock': one `clock.at` per event (ReplayClock in tests).
   */
  readonly driver: 'cron' | 'clock';
  /** Called once per event, in order; a returned promise is awaited before the next event runs. */
  readonly onEvent: (e: MarketEvent) => void | Promise<void>;
  /** A handler that threw or rejected; the schedule carries on. */
  readonly onError?: (e: MarketEvent, err: unknown) => void;
  /** Events after this instant are due (default: the clock's now). Pass the start of today to catch up on a late start. */
  readonly fromMs?: number;
}

export interface MarketDayRunner {
  /** The next `count` planned events after the last one fired. */
  upcoming(count: number): MarketEvent[];
  /** Resolves when every fired event's handler has finished. */
  idle(): Promise<void>;
  stop(): void;
}

/** Fires the market day's events (warm-up, open, entry cut-off, square-off, close, summary), skipping weekends and holidays. */
export const startMarketDay = (o: MarketDayOptions): MarketDayRunner => {
  let cursor = o.fromMs ?? o.clock.now();
  let stopped = false;
  const queue: MarketEvent[] = [];
  let busy: Promise<void> | undefined;
  // Synchronous handlers run at once (in replay, inside the clock alert); an async one holds back the events after it.
  const drain = (): void => {
    for (let e = queue.shift(); e !== undefined; e = queue.shift()) {
      const ev = e;
      let r: void | Promise<void>;
      try {
        r = o.onEvent(ev);
      } catch (err) {
        o.onError?.(ev, err);
        continue;
      }
      if (r instanceof Promise) {
        busy = r.catch((err: unknown) => o.onError?.(ev, err)).then(() => {
          busy = undefined;
          drain();
        });
        return;
      }
    }
  };
  const fire = (events: readonly MarketEvent[]): void => {
    for (const e of events) {
      cursor = Math.max(cursor, e.atMs);
      queue.push(e);
    }
    if (busy === undefined) drain();
  };
  const dueUpTo = (t: number): void => {
    if (!stopped && t > cursor) fire(marketEventsBetween(o.calendar, o.times, cursor, t));
  };
  let stopDriver: () => void;
  if (o.driver === 'cron') {
    dueUpTo(o.clock.now());
    const task = schedule('* * * * *', (ctx) => dueUpTo(Math.max(ctx.date.getTime(), o.clock.now())), { timezone: 'Asia/Kolkata', name: 'trade-engine-market-day' });
    stopDriver = () => void task.destroy();
  } else {
    let cancel = (): void => undefined;
    const armNext = (): void => {
      const [next] = nextMarketEvents(o.calendar, o.times, cursor, 1);
      if (next === undefined || stopped) return;
      cancel = o.clock.at(next.atMs, `market-day:${next.kind}`, (at: EpochMs) => {
        dueUpTo(Math.max(at, next.atMs));
        armNext();
      });
    };
    dueUpTo(o.clock.now());
    armNext();
    stopDriver = () => cancel();
  }
  return {
    upcoming: (count) => nextMarketEvents(o.calendar, o.times, cursor, count),
    idle: async () => {
      while (busy !== undefined) await busy;
    },
    stop: () => {
      stopped = true;
      queue.length = 0; // events not yet handed to onEvent are dropped; one already running finishes
      stopDriver();
    },
  };
};
