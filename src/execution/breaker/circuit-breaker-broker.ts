import CircuitBreaker from 'opossum';
import { BehaviorSubject } from 'rxjs';
import type { BrokerPort, CancelOutcome, OrderRequest, PlaceOutcome } from '../../core/index.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Calls in the rolling window before the breaker may open (opossum `volumeThreshold`). */
  readonly failureThreshold: number;
  /** Open when more than this share of the window's calls failed. */
  readonly errorThresholdPercentage: number;
  readonly rollingWindowMs: number;
  /** Open → half-open after this long; the next order is the probe. */
  readonly resetTimeoutMs: number;
}

/** Carries a non-accepted outcome through opossum, which counts only rejected promises. */
class OutcomeError extends Error {
  constructor(readonly outcome: PlaceOutcome) {
    super(outcome.kind === 'accepted' ? 'accepted' : outcome.reason);
  }
}

const isOutcomeError = (e: unknown): e is OutcomeError => e instanceof OutcomeError;

/**
 * An opossum circuit breaker around any BrokerPort's `place`. An `unknown` outcome (timeout, 5xx, dropped answer)
 * is a failure; `rejected` and `denied` are definitive answers and do not count (errorFilter). While the breaker is
 * open, or half-open with its probe in flight, `place` returns `denied` with code `BROKER_CIRCUIT_OPEN` at once
 * (the caller journals and counts it). Cancels are never blocked: they only reduce risk.
 */
export class CircuitBreakerBroker implements BrokerPort {
  readonly state$: BehaviorSubject<BreakerState>;
  readonly #breaker: CircuitBreaker<[OrderRequest], PlaceOutcome>;

  constructor(private readonly inner: BrokerPort, o: BreakerOptions) {
    this.#breaker = new CircuitBreaker(async (req: OrderRequest) => {
      const out = await inner.place(req);
      if (out.kind !== 'accepted') throw new OutcomeError(out);
      return out;
    }, {
      name: 'broker', timeout: false, volumeThreshold: o.failureThreshold, errorThresholdPercentage: o.errorThresholdPercentage,
      rollingCountTimeout: o.rollingWindowMs, rollingCountBuckets: 10, resetTimeout: o.resetTimeoutMs,
      errorFilter: (e: unknown) => isOutcomeError(e) && e.outcome.kind !== 'unknown',
    });
    this.state$ = new BehaviorSubject<BreakerState>('closed');
    this.#breaker.on('open', () => this.state$.next('open'));
    this.#breaker.on('halfOpen', () => this.state$.next('half-open'));
    this.#breaker.on('close', () => this.state$.next('closed'));
  }

  get state(): BreakerState {
    return this.state$.value;
  }

  get fills$() {
    return this.inner.fills$;
  }

  get updates$() {
    return this.inner.updates$;
  }

  async place(req: OrderRequest): Promise<PlaceOutcome> {
    try {
      return await this.#breaker.fire(req);
    } catch (e) {
      if (isOutcomeError(e)) return e.outcome;
      if (e instanceof Error && 'code' in e && (e.code === 'EOPENBREAKER' || e.code === 'ESEMLOCKED')) {
        return { kind: 'denied', code: 'BROKER_CIRCUIT_OPEN', reason: `broker circuit ${this.state}: order not sent` };
      }
      return { kind: 'unknown', reason: e instanceof Error ? e.message : String(e) };
    }
  }

  cancel(clientOrderId: string): Promise<CancelOutcome> {
    return this.inner.cancel(clientOrderId);
  }

  openOrders(): Promise<readonly OrderRequest[]> {
    return this.inner.openOrders();
  }

  /** Failure statistics of the rolling window (for metrics). */
  get stats(): { readonly fires: number; readonly failures: number; readonly rejects: number } {
    const s = this.#breaker.stats;
    return { fires: s.fires, failures: s.failures, rejects: s.rejects };
  }

  shutdown(): void {
    this.#breaker.shutdown();
    this.state$.complete();
  }
}
