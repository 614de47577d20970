import { type OrderDenied, type OrderIntent, type Signal, qty } from '../core/index.js';
import { capitalCheck } from './checks/capital-check.js';
import { maxOpenPositionsCheck } from './checks/max-open-positions-check.js';
import { onePositionPerSymbolCheck } from './checks/one-position-per-symbol-check.js';
import { tradingWindowCheck } from './checks/trading-window-check.js';
import type { RiskConfig } from './config.js';
import { positionSize } from './position-sizing.js';
import type { RiskCheck, RiskContext } from './risk-check.js';

export type GateResult = { readonly kind: 'intent'; readonly intent: OrderIntent } | { readonly kind: 'denied'; readonly denial: OrderDenied };

/** Sizes a signal into an intent, then runs the checks in a fixed order; the first denial wins. */
export class RiskGate {
  readonly #checks: readonly RiskCheck[];

  constructor(readonly config: RiskConfig) {
    this.#checks = [
      tradingWindowCheck,
      onePositionPerSymbolCheck,
      maxOpenPositionsCheck(config.maxOpenPositions),
      capitalCheck(config.capitalPaise, config.intradayLeverage),
    ];
  }

  evaluate(s: Signal, ctx: RiskContext): GateResult {
    const shares = positionSize(s, this.config);
    if (shares <= 0) return denied(s, 'RISK_QTY_ZERO', 'position size rounds to zero shares');
    const intent: OrderIntent = {
      signalId: s.id, scannerId: s.scannerId, symbol: s.symbol, symbolId: s.symbolId, side: s.side,
      qty: qty(shares), entry: s.entry, target: s.target, stopLoss: s.stopLoss, atMs: s.atMs,
    };
    for (const c of this.#checks) {
      const d = c.check(intent, ctx);
      if (!d.ok) return denied(s, d.code, d.reason);
    }
    return { kind: 'intent', intent };
  }
}

const denied = (s: Signal, code: string, reason: string): GateResult => ({
  kind: 'denied', denial: { signalId: s.id, scannerId: s.scannerId, symbol: s.symbol, code, reason, atMs: s.atMs },
});
