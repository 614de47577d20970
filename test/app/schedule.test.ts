import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { marketDayOf, startMarketDay } from '../../src/app/schedule.js';
import { parseConfig } from '../../src/config/index.js';
import { type EpochMs, LiveClock, ReplayClock } from '../../src/core/index.js';
import { MarketCalendar } from '../../src/core/time/market-calendar.js';
import { DEFAULT_MARKET_DAY_TIMES, type MarketEvent } from '../../src/core/time/market-day-plan.js';
import { scannerRegistry } from '../../src/scanners/index.js';
import { useTempDir } from '../support/temp-dir.js';

const ist = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+05:30`);
const label = (e: MarketEvent, firedAt: number): string => {
  const hhmm = (t: number) => new Date(t + 19_800_000).toISOString().slice(0, 16).replace('T', ' ');
  return `${hhmm(firedAt)} ${e.kind}${e.session === 'regular' ? '' : ` (${e.session})`}`;
};

// Thu 2025-04-10 and Mon 2025-04-14 are holidays; Tue 2025-10-21 (Diwali) has only Muhurat trading.
const calendar = new MarketCalendar(
  [{ date: '2025-04-10', name: 'Mahavir Jayanti' }, { date: '2025-04-14', name: 'Ambedkar Jayanti' }, { date: '2025-10-21', name: 'Diwali' }],
  [{ date: '2025-10-21', name: 'Muhurat trading', open: '18:00', close: '19:00' }],
);

describe('startMarketDay', () => {
  it('fires the day in order under a simulated clock, skipping a holiday and a weekend', async () => {
    const clock = new ReplayClock(ist('2025-04-09 12:00'));
    const fired: string[] = [];
    const run = startMarketDay({ calendar, times: DEFAULT_MARKET_DAY_TIMES, clock, driver: 'clock', onEvent: (e) => void fired.push(label(e, clock.now())) });
    // advance minute by minute as bars would, across Thursday's holiday, the weekend and Monday's holiday
    for (let t = ist('2025-04-09 12:00'); t <= ist('2025-04-15 09:20'); t += 60_000) clock.advanceTo(t);
    run.stop();
    await run.idle();
    expect(fired).toEqual([
      '2025-04-09 15:00 entry-cutoff', '2025-04-09 15:15 square-off', '2025-04-09 15:30 close', '2025-04-09 15:35 eod-summary',
      '2025-04-11 09:00 warm-up', '2025-04-11 09:15 open', '2025-04-11 15:00 entry-cutoff',
      '2025-04-11 15:15 square-off', '2025-04-11 15:30 close', '2025-04-11 15:35 eod-summary',
      '2025-04-15 09:00 warm-up', '2025-04-15 09:15 open',
    ]);
  });

  it('runs a special session on a holiday between two regular days', async () => {
    const clock = new ReplayClock(ist('2025-10-20 15:31'));
    const fired: string[] = [];
    const run = startMarketDay({ calendar, times: DEFAULT_MARKET_DAY_TIMES, clock, driver: 'clock', onEvent: (e) => void fired.push(label(e, clock.now())) });
    clock.advanceTo(ist('2025-10-22 09:16')); // one jump: the alerts still fire one by one, in order
    await run.idle();
    expect(fired).toEqual([
      '2025-10-20 15:35 eod-summary',
      '2025-10-21 17:45 warm-up (Muhurat trading)', '2025-10-21 18:00 open (Muhurat trading)',
      '2025-10-21 18:30 entry-cutoff (Muhurat trading)', '2025-10-21 18:45 square-off (Muhurat trading)',
      '2025-10-21 19:00 close (Muhurat trading)', '2025-10-21 19:05 eod-summary (Muhurat trading)',
      '2025-10-22 09:00 warm-up', '2025-10-22 09:15 open',
    ]);
    expect(run.upcoming(1).map((e) => e.kind)).toEqual(['entry-cutoff']);
    run.stop();
  });

  it('waits for an async handler before the next event and survives a handler that throws', async () => {
    const clock = new ReplayClock(ist('2025-04-09 08:00'));
    const log: string[] = [];
    const errors: string[] = [];
    const run = startMarketDay({
      calendar, times: DEFAULT_MARKET_DAY_TIMES, clock, driver: 'clock',
      onEvent: async (e) => {
        log.push(`start ${e.kind}`);
        if (e.kind === 'open') throw new Error('feed down');
        await new Promise((r) => setTimeout(r, 5));
        log.push(`end ${e.kind}`);
      },
      onError: (e, err) => errors.push(`${e.kind}: ${(err as Error).message}`),
    });
    clock.advanceTo(ist('2025-04-09 15:01'));
    await run.idle();
    run.stop();
    expect(log).toEqual(['start warm-up', 'end warm-up', 'start open', 'start entry-cutoff', 'end entry-cutoff']);
    expect(errors).toEqual(['open: feed down']);
  });

  it('catches up on a late start from a given instant, and stops firing when stopped', async () => {
    const clock = new ReplayClock(ist('2025-04-09 10:00'));
    const fired: string[] = [];
    const run = startMarketDay({ calendar, times: DEFAULT_MARKET_DAY_TIMES, clock, driver: 'clock', fromMs: ist('2025-04-09 00:00'), onEvent: (e) => void fired.push(e.kind) });
    expect(fired).toEqual(['warm-up', 'open']);
    run.stop();
    clock.advanceTo(ist('2025-04-09 16:00'));
    await run.idle();
    expect(fired).toEqual(['warm-up', 'open']);
  });

  it('runs on node-cron in live: catches up at start and stops cleanly', async () => {
    const clock = new LiveClock();
    const now = clock.now();
    const fired: MarketEvent[] = [];
    const everyDay = new MarketCalendar([], []);
    const run = startMarketDay({ calendar: everyDay, times: DEFAULT_MARKET_DAY_TIMES, clock, driver: 'cron', fromMs: now - 8 * 86_400_000, onEvent: (e) => void fired.push(e) });
    await run.idle();
    run.stop();
    expect(fired.length).toBeGreaterThanOrEqual(6 * 5);
    expect(fired.every((e, i) => i === 0 || e.atMs >= (fired[i - 1]?.atMs ?? 0))).toBe(true);
    expect(fired.every((e) => e.atMs <= clock.now())).toBe(true);
    expect(run.upcoming(1)[0]?.atMs).toBeGreaterThan(now);
  });
});

describe('marketDayOf', () => {
  const dir = useTempDir();

  it('takes times from the config and reads the holiday file relative to the config file', () => {
    writeFileSync(join(dir(), 'hol.json'), JSON.stringify({ holidays: [{ date: '2025-04-10', name: 'h' }] }));
    const config = parseConfig({ schedule: { warmUp: '08:50', holidaysFile: 'hol.json' }, execution: { session: { entriesUntil: '14:30' } } }, scannerRegistry);
    const { calendar: cal, times } = marketDayOf(config, join(dir(), 'config.yaml'));
    expect(times).toEqual({ ...DEFAULT_MARKET_DAY_TIMES, warmUp: '08:50', entryCutoff: '14:30' });
    expect(cal.sessionOn(Math.floor(ist('2025-04-10 12:00') / 86_400_000))).toBeUndefined();
    expect(marketDayOf(parseConfig({}, scannerRegistry)).calendar.covers(Math.floor(ist('2026-01-05 12:00') / 86_400_000)), 'the packaged file').toBe(true);
  });
});

export type { EpochMs };
