/**
 * ACTIVE: every check decides. REDUCING: only orders that shrink an existing position pass. HALTED: no order
 * passes. Cancels never reach the gate, so they are allowed in every state. The gate checks the state first
 * (checks/trading-state-check.ts).
 */
export type TradingState = 'ACTIVE' | 'REDUCING' | 'HALTED';
export const TRADING_STATES: readonly TradingState[] = ['ACTIVE', 'REDUCING', 'HALTED'];

const rank: Readonly<Record<TradingState, number>> = { ACTIVE: 0, REDUCING: 1, HALTED: 2 };

/** The more restrictive of two states. */
export const stricterState = (a: TradingState, b: TradingState): TradingState => (rank[b] > rank[a] ? b : a);
