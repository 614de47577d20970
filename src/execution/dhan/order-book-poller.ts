import { type Cancel, type Clock, epochMs } from '../../core/index.js';

/**
 * The fallback for order updates: polls the order book every `pollMs` while active (the order-update socket is
 * down). One poll at a time; a failed poll is reported and the next one goes ahead on schedule.
 */
export class OrderBookPoller {
  #timer: Cancel | undefined;
  #active = false;
  polls = 0;
  failures = 0;

  constructor(
    private readonly poll: () => Promise<void>,
    private readonly clock: Clock,
    private readonly pollMs: number,
    private readonly onError: (e: unknown) => void,
  ) {}

  get active(): boolean {
    return this.#active;
  }

  start(): void {
    if (this.#active) return;
    this.#active = true;
    this.#schedule(0);
  }

  stop(): void {
    this.#active = false;
    this.#timer?.();
    this.#timer = undefined;
  }

  /** One poll now, whatever the state (catch-up after the socket reconnects). */
  async pollOnce(): Promise<void> {
    this.polls++;
    try {
      await this.poll();
    } catch (e) {
      this.failures++;
      this.onError(e);
    }
  }

  #schedule(afterMs: number): void {
    this.#timer = this.clock.at(epochMs(this.clock.now() + afterMs), 'order-book-poll', () => {
      if (!this.#active) return;
      void this.pollOnce().then(() => {
        if (this.#active) this.#schedule(this.pollMs);
      });
    });
  }
}
