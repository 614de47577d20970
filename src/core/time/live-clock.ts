import type { EpochMs } from '../types/units.js';
import type { Cancel, Clock } from './clock.js';

/** Wall-clock time. The one place outside telemetry that reads the system clock. */
export class LiveClock implements Clock {
  now(): EpochMs {
    return Date.now() as EpochMs;
  }

  at(t: EpochMs, _name: string, fn: (firedAt: EpochMs) => void): Cancel {
    const handle = setTimeout(() => fn(this.now()), Math.max(0, t - Date.now()));
    handle.unref();
    return () => clearTimeout(handle);
  }
}
