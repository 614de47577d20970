import type { SeededRandom } from '../../core/index.js';

export interface BackoffConfig {
  readonly initialMs: number;
  readonly maxMs: number;
  /** A connection that stayed up this long resets the attempt count. */
  readonly healthyMs: number;
}

/** Exponential backoff with "equal jitter": half the step fixed, half seeded-random, capped at maxMs. */
export class Backoff {
  #attempt = 0;

  constructor(private readonly cfg: BackoffConfig, private readonly random: SeededRandom) {}

  next(): number {
    const step = Math.min(this.cfg.maxMs, this.cfg.initialMs * 2 ** this.#attempt);
    this.#attempt = Math.min(this.#attempt + 1, 30);
    return Math.round(step / 2 + (step / 2) * this.random.next());
  }

  /** Called when a connection closes after being up for `upMs`. */
  connectionEnded(upMs: number): void {
    if (upMs >= this.cfg.healthyMs) this.#attempt = 0;
  }

  get attempt(): number {
    return this.#attempt;
  }
}
