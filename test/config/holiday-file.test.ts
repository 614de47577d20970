import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadHolidayFile, parseHolidayFile } from '../../src/config/index.js';
import { parseIstDate } from '../../src/core/index.js';

const shipped = fileURLToPath(new URL('../../config/nse-holidays.json', import.meta.url));

describe('loadHolidayFile', () => {
  it('reads the shipped NSE file: holidays closed, Muhurat trading open on a holiday and on a Sunday', () => {
    const cal = loadHolidayFile(shipped);
    expect(cal.sessionOn(parseIstDate('2025-03-14')), 'Holi').toBeUndefined();
    expect(cal.sessionOn(parseIstDate('2025-03-13'))).toEqual({ kind: 'regular' });
    expect(cal.sessionOn(parseIstDate('2025-10-21'))).toMatchObject({ kind: 'special', name: 'Muhurat trading', openMin: 13 * 60 + 45 });
    expect(cal.sessionOn(parseIstDate('2026-11-08'))).toMatchObject({ kind: 'special', openMin: 18 * 60 });
    expect(cal.covers(parseIstDate('2026-06-01'))).toBe(true);
    expect(cal.covers(parseIstDate('2031-06-02'))).toBe(false);
  });

  it('refuses bad dates, bad times, a session that closes before it opens, and two sessions on one day, with paths', () => {
    const issues = (raw: unknown): readonly string[] => {
      try {
        parseHolidayFile(raw, 'h.json');
      } catch (e) {
        if (e instanceof ConfigError) return e.issues;
      }
      return [];
    };
    expect(issues({ holidays: [{ date: '2025-02-30', name: 'x' }] })).toEqual(['holidays.0.date: expected a real date, YYYY-MM-DD']);
    expect(issues({ holidays: [], specialSessions: [{ date: '2025-10-21', name: 'M', open: '18:00', close: '17:00' }] })).toEqual(['specialSessions.0.close: open must be before close']);
    expect(issues({ holidays: [], specialSessions: [{ date: '2025-10-21', name: 'M', open: '6pm', close: '19:00' }] })[0]).toMatch(/^specialSessions\.0\.open: expected HH:MM/);
    const twice = { date: '2025-10-21', name: 'M', open: '18:00', close: '19:00' };
    expect(issues({ holidays: [], specialSessions: [twice, twice] })).toEqual(['specialSessions.1.date: two special sessions on 2025-10-21']);
    expect(issues({ holidays: [], extra: 1 })).toEqual(['extra: unknown key']);
  });
});
