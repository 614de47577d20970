import { TRADING_STATES, type TradingState } from './trading-state.js';

export type KillSwitchCode = 'RISK_KILL_DAILY_LOSS' | 'RISK_KILL_DRAWDOWN' | 'RISK_KILL_LOSS_STREAK' | 'RISK_KILL_MANUAL';
const CODES: readonly (KillSwitchCode | '')[] = ['RISK_KILL_DAILY_LOSS', 'RISK_KILL_DRAWDOWN', 'RISK_KILL_LOSS_STREAK', 'RISK_KILL_MANUAL', ''];

/** The kill switch's whole state as plain JSON data (persisted between restarts). Money in paise. */
export interface KillSwitchSnapshot {
  readonly version: 1;
  /** IST day number of the session the figures belong to; -1 before the first session. */
  readonly day: number;
  readonly state: TradingState;
  /** Why the state is not ACTIVE ('' when it is). */
  readonly code: KillSwitchCode | '';
  readonly reason: string;
  readonly dayRealisedPaise: number;
  readonly unrealisedPaise: number;
  readonly peakPnlPaise: number;
  readonly consecutiveLosses: number;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A snapshot read back from storage, or undefined when it is not one (then start fresh). */
export const parseKillSwitchSnapshot = (raw: unknown): KillSwitchSnapshot | undefined => {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const ok = r.version === 1 && Number.isInteger(r.day) && TRADING_STATES.includes(r.state as TradingState)
    && CODES.includes(r.code as KillSwitchCode) && typeof r.reason === 'string' && isNum(r.dayRealisedPaise)
    && isNum(r.unrealisedPaise) && isNum(r.peakPnlPaise) && Number.isInteger(r.consecutiveLosses) && (r.consecutiveLosses as number) >= 0;
  return ok ? (r as unknown as KillSwitchSnapshot) : undefined;
};
