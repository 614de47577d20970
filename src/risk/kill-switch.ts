import type { KillSwitchConfig } from './config.js';
import type { KillSwitchCode, KillSwitchSnapshot } from './kill-switch-snapshot.js';
import { type TradingState, stricterState } from './trading-state.js';

/** A change of trading state made by the kill switch; `flatten` asks the caller to square off every position. */
export interface KillSwitchTrip {
  readonly state: TradingState;
  readonly code: KillSwitchCode;
  readonly reason: string;
  readonly flatten: boolean;
}

const limitOf = (paise: number | null, pct: number | null, capitalPaise: number): number =>
  Math.min(paise ?? Infinity, pct === null ? Infinity : (capitalPaise * pct) / 100);

/**
 * The daily-loss kill switch, pure. Fed the session's closed trades (realised, net) and the mark-to-market of open
 * positions (unrealised); the day's P&L is their sum and its peak starts at 0. A loss or a drawdown from the peak
 * reaching its limit halts; `reduceAfterConsecutiveLosses` losing trades in a row reduce. A state only gets
 * stricter within a session; `newSession` with a later IST day starts afresh.
 */
export class KillSwitch {
  #s: { -readonly [K in keyof KillSwitchSnapshot]: KillSwitchSnapshot[K] };
  readonly #lossLimit: number;
  readonly #drawdownLimit: number;
  readonly #streakLimit: number;
  readonly #flatten: boolean;

  constructor(config: KillSwitchConfig, capitalPaise: number, snapshot?: KillSwitchSnapshot) {
    const on = config.enabled;
    this.#lossLimit = on ? limitOf(config.maxDailyLossPaise, config.maxDailyLossPct, capitalPaise) : Infinity;
    this.#drawdownLimit = on ? limitOf(config.maxDrawdownPaise, config.maxDrawdownPct, capitalPaise) : Infinity;
    this.#streakLimit = on ? (config.reduceAfterConsecutiveLosses ?? Infinity) : Infinity;
    this.#flatten = config.flattenOnHalt;
    this.#s = snapshot === undefined ? fresh(-1) : { ...snapshot };
  }

  static fromSnapshot(config: KillSwitchConfig, capitalPaise: number, snapshot: KillSwitchSnapshot): KillSwitch {
    return new KillSwitch(config, capitalPaise, snapshot);
  }

  toSnapshot(): KillSwitchSnapshot {
    return { ...this.#s };
  }

  /** Call with the IST day of the session about to trade; a later day resets everything. True when it reset. */
  newSession(day: number): boolean {
    if (day <= this.#s.day) return false;
    this.#s = fresh(day);
    return true;
  }

  /** A closed trade's net P&L (paise). */
  recordTrade(netPnlPaise: number): KillSwitchTrip | undefined {
    this.#s.dayRealisedPaise += netPnlPaise;
    this.#s.consecutiveLosses = netPnlPaise < 0 ? this.#s.consecutiveLosses + 1 : 0;
    const halt = this.#checkLoss();
    if (halt !== undefined || this.#s.consecutiveLosses < this.#streakLimit) return halt;
    return this.#move('REDUCING', 'RISK_KILL_LOSS_STREAK', `${this.#s.consecutiveLosses} losing trades in a row`);
  }

  /** The open positions' mark-to-market P&L now (paise). */
  markUnrealised(unrealisedPaise: number): KillSwitchTrip | undefined {
    this.#s.unrealisedPaise = unrealisedPaise;
    return this.#checkLoss();
  }

  /** An operator's decision; it holds until the next session or the next operator decision (a limit may trip again). */
  setState(state: TradingState, reason: string): void {
    this.#s.state = state;
    this.#s.code = state === 'ACTIVE' ? '' : 'RISK_KILL_MANUAL';
    this.#s.reason = state === 'ACTIVE' ? '' : reason;
  }

  get state(): TradingState {
    return this.#s.state;
  }

  get reason(): string {
    return this.#s.reason;
  }

  get dayPnlPaise(): number {
    return this.#s.dayRealisedPaise + this.#s.unrealisedPaise;
  }

  get peakPnlPaise(): number {
    return this.#s.peakPnlPaise;
  }

  get consecutiveLosses(): number {
    return this.#s.consecutiveLosses;
  }

  #checkLoss(): KillSwitchTrip | undefined {
    const pnl = this.dayPnlPaise;
    if (pnl > this.#s.peakPnlPaise) this.#s.peakPnlPaise = pnl;
    if (this.#s.state === 'HALTED') return undefined;
    if (-pnl >= this.#lossLimit) return this.#move('HALTED', 'RISK_KILL_DAILY_LOSS', `day loss ${Math.round(-pnl)} paise reached the limit ${Math.round(this.#lossLimit)}`);
    const dd = this.#s.peakPnlPaise - pnl;
    if (dd >= this.#drawdownLimit) return this.#move('HALTED', 'RISK_KILL_DRAWDOWN', `drawdown ${Math.round(dd)} paise from the day's peak reached the limit ${Math.round(this.#drawdownLimit)}`);
    return undefined;
  }

  #move(state: TradingState, code: KillSwitchCode, reason: string): KillSwitchTrip | undefined {
    if (stricterState(this.#s.state, state) === this.#s.state) return undefined;
    this.#s.state = state;
    this.#s.code = code;
    this.#s.reason = reason;
    return { state, code, reason, flatten: state === 'HALTED' && this.#flatten };
  }
}

const fresh = (day: number): KillSwitchSnapshot & { version: 1 } => ({
  version: 1, day, state: 'ACTIVE', code: '', reason: '', dayRealisedPaise: 0, unrealisedPaise: 0, peakPnlPaise: 0, consecutiveLosses: 0,
});
