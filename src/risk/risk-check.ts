import type { OrderIntent } from '../core/index.js';

export type RiskDenyCode =
  | 'RISK_TRADING_WINDOW'
  | 'RISK_POSITION_EXISTS'
  | 'RISK_MAX_OPEN_POSITIONS'
  | 'RISK_CAPITAL'
  | 'RISK_QTY_ZERO';

export type RiskDecision = { readonly ok: true } | { readonly ok: false; readonly code: RiskDenyCode; readonly reason: string };

/** A read-only snapshot the checks decide on. */
export interface RiskContext {
  readonly nowMs: number;
  readonly entriesOpen: boolean;
  /** Symbols with an open position or a working entry order. */
  readonly isSymbolBusy: (symbolId: number) => boolean;
  readonly openPositions: number;
  /** Margin in use by open positions and working entries (notional / leverage), paise. */
  readonly marginUsedPaise: number;
}

export interface RiskCheck {
  readonly id: RiskDenyCode;
  check(intent: OrderIntent, ctx: RiskContext): RiskDecision;
}

export const ALLOW: RiskDecision = { ok: true };
export const deny = (code: RiskDenyCode, reason: string): RiskDecision => ({ ok: false, code, reason });
