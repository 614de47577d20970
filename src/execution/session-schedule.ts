import { type Clock, istDay, istTimeOnDay, parseHhMm } from '../core/index.js';

export interface SessionTimes {
  /** HH:MM IST: entries allowed for signals on bars closing after this time… */
  readonly entriesFrom: string;
  /** …up to and including this time. */
  readonly entriesUntil: string;
  /** Intraday positions are flattened at this time. */
  readonly squareOff: string;
}

export type SessionPhase = 'BEFORE_ENTRIES' | 'ENTRIES_OPEN' | 'ENTRIES_CLOSED' | 'SQUARED_OFF';

/**
 * Time-of-day rules as clock alerts, scheduled when a new IST day is first seen, so replay runs them exactly
 * as live does. An alert at time t fires after every bar closing at t has been processed.
 */
export class SessionSchedule {
  #day = -1;
  #phase: SessionPhase = 'BEFORE_ENTRIES';
  readonly #from: number;
  readonly #until: number;
  readonly #squareOff: number;

  constructor(private readonly clock: Clock, times: SessionTimes, private readonly onSquareOff: () => void) {
    this.#from = parseHhMm(times.entriesFrom);
    this.#until = parseHhMm(times.entriesUntil);
    this.#squareOff = parseHhMm(times.squareOff);
  }

  /** Call with each bar's close time before it is processed. */
  observe(tMs: number): void {
    const day = istDay(tMs - 1);
    if (day === this.#day) return;
    this.#day = day;
    this.#phase = 'BEFORE_ENTRIES';
    this.clock.at(istTimeOnDay(day, this.#from), 'entries-open', () => this.#set(day, 'ENTRIES_OPEN'));
    this.clock.at(istTimeOnDay(day, this.#until), 'entries-close', () => this.#set(day, 'ENTRIES_CLOSED'));
    this.clock.at(istTimeOnDay(day, this.#squareOff), 'square-off', () => {
      if (this.#set(day, 'SQUARED_OFF')) this.onSquareOff();
    });
  }

  get phase(): SessionPhase {
    return this.#phase;
  }

  get entriesOpen(): boolean {
    return this.#phase === 'ENTRIES_OPEN';
  }

  #set(day: number, phase: SessionPhase): boolean {
    if (day !== this.#day) return false;
    this.#phase = phase;
    return true;
  }
}
