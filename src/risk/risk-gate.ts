import { type OrderDenied, type OrderIntent, type Signal, qty } from '../core/index.js';
import type { RiskConfig } from './config.js';
import { gateChecks } from './gate-checks.js';
import { positionSize } from './position-sizing.js';
import type { RiskCheck, RiskContext } from './risk-check.js';
import { bracketOnTick } from './tick-rounding.js';
import { HALTED_REASON, tradingStateCheck } from './checks/trading-state-check.js';

export type GateResult = { readonly kind: 'intent'; readonly intent: OrderIntent } | { readonly kind: 'denied'; readonly denial: OrderDenied };

/**
 * Puts a signal's stop and target on the tick and sizes it from that stop into an intent, then decides in a fixed order, first denial wins:
 * the trading state, a zero size, then the configured checks (gate-checks.ts; docs/risk.md).
 */
export class RiskGate {
  /**
   * The configured checks' `check`, bound: a call from an array is a plain call, where `c.check(...)` over a dozen
   * check classes is a megamorphic prototype lookup per check per signal.
   */
  readonly #checks: readonly RiskCheck['check'][];

  constructor(readonly config: RiskConfig) {
    this.#checks = gateChecks(config).map((c) => c.check.bind(c));
  }

  evaluate(s: Signal, ctx: RiskContext): GateResult {
    // HALTED denies whatever the order: decided before the signal is sized into an intent (a halted day's signals are most of a long replay's)
    if (ctx.tradingState === 'HALTED') return denied(s, 'RISK_STATE_HALTED', HALTED_REASON);
    const bracket = bracketOnTick(s.side, s.stopLoss, s.target, this.config.tickPaise);
    const shares = positionSize({ entry: s.entry, stopLoss: bracket.stopLoss }, this.config);
    const intent: OrderIntent = {
      signalId: s.id, scannerId: s.scannerId, symbol: s.symbol, symbolId: s.symbolId, side: s.side,
      qty: qty(shares), entry: s.entry, target: bracket.target, stopLoss: bracket.stopLoss, atMs: s.atMs,
    };
    const state = tradingStateCheck.check(intent, ctx);
    if (!state.ok) return denied(s, state.code, state.reason);
    if (shares <= 0) return denied(s, 'RISK_QTY_ZERO', 'position size rounds to zero shares');
    const checks = this.#checks;
    for (let i = 0; i < checks.length; i++) {
      const d = (checks[i] as RiskCheck['check'])(intent, ctx);
      if (!d.ok) return denied(s, d.code, d.reason);
    }
    return { kind: 'intent', intent };
  }
}

const denied = (s: Signal, code: string, reason: string): GateResult => ({
  kind: 'denied', denial: { signalId: s.id, scannerId: s.scannerId, symbol: s.symbol, code, reason, atMs: s.atMs },
});
