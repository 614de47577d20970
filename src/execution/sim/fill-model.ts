import type { Bar, OrderRequest } from '../../core/index.js';

/**
 * The backtest and paper fill model. Assumptions (the simulator cannot see the future):
 * 1. An order placed while bar N is processed is matched from bar N+1 on (only bars starting at or after the
 *    order's time).
 * 2. MARKET fills at the bar's open, moved against us by `slippageBps` and rounded to the tick away from us.
 * 3. A stop (STOP_LOSS_MARKET) triggers when the bar trades through the trigger: at the open when the bar gaps
 *    past it, else at the trigger; then slippage as for MARKET.
 * 4. A LIMIT fills at the open when the bar opens better than the limit, else at the limit when the bar
 *    reaches it; no slippage. Touching the limit is enough (optimistic for targets; documented).
 * 5. When a bar touches both the stop and the target of one bracket, the stop fills first (pessimistic).
 * 6. Fills are for the whole quantity; volume is not a constraint.
 */
export interface FillModelConfig {
  readonly slippageBps: number;
  readonly tickPaise: number;
}

const against = (price: number, buy: boolean, c: FillModelConfig): number => {
  const moved = price * (1 + ((buy ? 1 : -1) * c.slippageBps) / 10_000);
  return buy ? Math.ceil(moved / c.tickPaise) * c.tickPaise : Math.floor(moved / c.tickPaise) * c.tickPaise;
};

/** The price at which `o` fills on `bar`, or undefined when it does not fill. */
export const fillPrice = (o: OrderRequest, bar: Bar, c: FillModelConfig): number | undefined => {
  if (bar.startMs < o.atMs) return undefined;
  const buy = o.side === 'BUY';
  switch (o.type) {
    case 'MARKET':
      return against(bar.open, buy, c);
    case 'STOP_LOSS_MARKET': {
      const t = o.triggerPrice ?? 0;
      if (buy) return bar.open >= t ? against(bar.open, true, c) : bar.high >= t ? against(t, true, c) : undefined;
      return bar.open <= t ? against(bar.open, false, c) : bar.low <= t ? against(t, false, c) : undefined;
    }
    case 'LIMIT': {
      const l = o.limitPrice ?? 0;
      if (buy) return bar.open <= l ? bar.open : bar.low <= l ? l : undefined;
      return bar.open >= l ? bar.open : bar.high >= l ? l : undefined;
    }
  }
};
