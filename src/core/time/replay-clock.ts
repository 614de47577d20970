import { InvariantError } from '../errors.js';
import type { EpochMs } from '../types/units.js';
import type { Cancel, Clock } from './clock.js';

interface Alert {
  readonly t: number;
  readonly seq: number;
  readonly name: string;
  readonly fn: (firedAt: EpochMs) => void;
  cancelled: boolean;
}

/**
 * Time driven by bar time. `advanceTo(t)` fires the alerts due strictly before `t` in (time, insertion) order;
 * alerts due exactly at `t` fire on the next advance (after every bar at `t` has settled) or on `flush`.
 */
export class ReplayClock implements Clock {
  #now: number;
  #seq = 0;
  #alerts: Alert[] = [];

  constructor(start: number) {
    this.#now = start;
  }

  now(): EpochMs {
    return this.#now as EpochMs;
  }

  at(t: EpochMs, name: string, fn: (firedAt: EpochMs) => void): Cancel {
    const alert: Alert = { t, seq: this.#seq++, name, fn, cancelled: false };
    this.#insert(alert);
    return () => {
      alert.cancelled = true;
    };
  }

  advanceTo(t: number): void {
    if (t < this.#now) throw new InvariantError('replay clock moved backwards', { now: this.#now, to: t });
    this.#fire((a) => a.t < t);
    this.#now = t;
  }

  /** Fires every alert due at or before `t` (end of a replay). */
  flush(t: number): void {
    if (t < this.#now) throw new InvariantError('replay clock moved backwards', { now: this.#now, to: t });
    this.#fire((a) => a.t <= t);
    this.#now = t;
  }

  get pendingAlerts(): number {
    return this.#alerts.filter((a) => !a.cancelled).length;
  }

  #fire(due: (a: Alert) => boolean): void {
    for (;;) {
      const head = this.#alerts[0];
      if (head === undefined || !due(head)) return;
      this.#alerts.shift();
      if (head.cancelled) continue;
      if (head.t > this.#now) this.#now = head.t;
      head.fn(this.#now as EpochMs);
    }
  }

  #insert(alert: Alert): void {
    let i = this.#alerts.length;
    while (i > 0) {
      const prev = this.#alerts[i - 1];
      if (prev === undefined || prev.t <= alert.t) break;
      i--;
    }
    this.#alerts.splice(i, 0, alert);
  }
}
