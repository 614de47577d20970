import { describe, expect, it } from 'vitest';
import { ReplayClock } from '../../src/core/index.js';
import { SessionSchedule } from '../../src/execution/session-schedule.js';
import { ist } from '../support/builders.js';

const times = { entriesFrom: '09:20', entriesUntil: '15:00', squareOff: '15:15' };

describe('SessionSchedule', () => {
  it('opens entries after 09:20, closes them after 15:00 and squares off after 15:15, from clock alerts', () => {
    const clock = new ReplayClock(0);
    let squareOffs = 0;
    const s = new SessionSchedule(clock, times, () => squareOffs++);
    const at = (hhmm: string) => {
      clock.advanceTo(ist(hhmm));
      s.observe(ist(hhmm));
      return s.phase;
    };
    expect(at('09:16')).toBe('BEFORE_ENTRIES');
    expect(at('09:20'), 'a bar closing at 09:20 is processed before the 09:20 alert').toBe('BEFORE_ENTRIES');
    expect(at('09:21')).toBe('ENTRIES_OPEN');
    expect(at('15:00')).toBe('ENTRIES_OPEN');
    expect(at('15:01')).toBe('ENTRIES_CLOSED');
    expect(squareOffs).toBe(0);
    expect(at('15:16')).toBe('SQUARED_OFF');
    expect(squareOffs).toBe(1);
  });

  it('schedules each IST day once and resets the phase for a new day', () => {
    const clock = new ReplayClock(0);
    let squareOffs = 0;
    const s = new SessionSchedule(clock, times, () => squareOffs++);
    for (const [hhmm, date] of [['10:00', '2025-01-06'], ['10:01', '2025-01-06'], ['09:16', '2025-01-07']] as const) {
      clock.advanceTo(ist(hhmm, date));
      s.observe(ist(hhmm, date));
    }
    expect(squareOffs, "day one's square-off fired once before day two").toBe(1);
    expect(s.phase).toBe('BEFORE_ENTRIES');
    expect(clock.pendingAlerts, 'three alerts for day two').toBe(3);
  });
});
