import type { Signal } from '../core/index.js';
import { type GateResult, type RiskConfig, type RiskContext, RiskGate } from '../risk/index.js';

/** The risk gate behind a swap: a live config edit replaces the limits atomically between two signals. */
export class SwitchableGate {
  #gate: RiskGate;
  #closed: string | undefined;

  constructor(config: RiskConfig) {
    this.#gate = new RiskGate(config);
  }

  get config(): RiskConfig {
    return this.#gate.config;
  }

  evaluate(s: Signal, ctx: RiskContext): GateResult {
    if (this.#closed !== undefined) {
      return { kind: 'denied', denial: { signalId: s.id, scannerId: s.scannerId, symbol: s.symbol, code: 'ENGINE_STOPPING', reason: this.#closed, atMs: s.atMs } };
    }
    return this.#gate.evaluate(s, ctx);
  }

  /** A clean stop: from now on every signal is denied (journaled and counted as ENGINE_STOPPING), so no new order. */
  close(reason: string): void {
    this.#closed = reason;
  }

  replace(config: RiskConfig): void {
    this.#gate = new RiskGate(config);
  }
}
