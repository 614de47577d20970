import type { OrderIntent, Side } from '../core/index.js';
import type { OrderActivityView } from './order-activity.js';
import type { TradingState } from './trading-state.js';

/** Stable denial codes, in the order the gate checks them (docs/risk.md). They double as metric labels. */
export const RISK_DENY_CODES = [
  'RISK_STATE_HALTED',
  'RISK_STATE_REDUCING',
  'RISK_QTY_ZERO',
  'RISK_TRADING_WINDOW',
  'RISK_DUPLICATE',
  'RISK_COOLDOWN',
  'RISK_MAX_ORDER_QTY',
  'RISK_MAX_ORDER_NOTIONAL',
  'RISK_FREEZE_QTY',
  'RISK_LOT_SIZE',
  'RISK_TICK_SIZE',
  'RISK_PRICE_BAND',
  'RISK_POSITION_EXISTS',
  'RISK_MAX_POSITION',
  'RISK_MAX_OPEN_POSITIONS',
  'RISK_GROSS_EXPOSURE',
  'RISK_CAPITAL',
  'RISK_ORDERS_PER_SECOND',
  'RISK_ORDERS_PER_MINUTE',
  'RISK_ORDERS_PER_DAY',
] as const;
export type RiskDenyCode = (typeof RISK_DENY_CODES)[number];

export type RiskDecision = { readonly ok: true } | { readonly ok: false; readonly code: RiskDenyCode; readonly reason: string };

/** An open position as the checks see it. */
export interface PositionView {
  readonly qty: number;
  readonly side: Side;
  readonly avgPrice: number;
}

/** A read-only snapshot the checks decide on. Every time in it is clock time (bar time in replay), never wall time. */
export interface RiskContext {
  readonly nowMs: number;
  readonly tradingState: TradingState;
  readonly entriesOpen: boolean;
  /** Symbols with an open position or a working entry order. */
  readonly isSymbolBusy: (symbolId: number) => boolean;
  readonly position: (symbolId: number) => PositionView | undefined;
  readonly openPositions: number;
  /** Notional of open positions (at their average price) plus working entries, paise. Margin in use = this / leverage. */
  readonly grossExposurePaise: number;
  /** Net realised P&L of closed trades so far (charges included); available capital = capital + this. */
  readonly realisedPnlPaise: number;
  /** Close of the symbol's latest bar, paise; undefined before its first bar. */
  readonly lastPricePaise: (symbolId: number) => number | undefined;
  /** Intents passed earlier: per scanner and symbol, and the order-rate counters. */
  readonly activity: OrderActivityView;
}

/**
 * One check. A parameterised check is a class (its factory returns an instance), not an object of closures made
 * per gate (see src/streams/build-graph.ts; a sweep makes a gate per replay).
 */
export interface RiskCheck {
  readonly id: RiskDenyCode;
  check(intent: OrderIntent, ctx: RiskContext): RiskDecision;
}

export const ALLOW: RiskDecision = { ok: true };
export const deny = (code: RiskDenyCode, reason: string): RiskDecision => ({ ok: false, code, reason });
