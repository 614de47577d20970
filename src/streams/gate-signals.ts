import { Observable, type OperatorFunction, type Subscriber } from 'rxjs';
import { ForwardingObserver } from './forwarding-observer.js';
import type { Journal, OrderIntent, Signal } from '../core/index.js';
import type { RiskContext, RiskGate } from '../risk/index.js';

/**
 * The per-signal part of the graph as one operator: journal the signal, put it through the risk gate, journal a
 * denial, and emit the intent of an allowed one after `onIntent` recorded it (the gate's order activity). An error
 * thrown by a step is a bug: it errors the stream (the crash path).
 */
export const gateSignals = (
  journal: Pick<Journal, 'append'>, gate: Pick<RiskGate, 'evaluate'>, ctx: RiskContext, onIntent: (intent: OrderIntent) => void,
): OperatorFunction<Signal, OrderIntent> => (source) =>
  new Observable<OrderIntent>((sub) => source.subscribe(new GateObserver(journal, gate, ctx, onIntent, sub)));

/** The per-signal observer. */
class GateObserver extends ForwardingObserver<Signal, OrderIntent> {
  constructor(
    private readonly journal: Pick<Journal, 'append'>,
    private readonly gate: Pick<RiskGate, 'evaluate'>,
    private readonly ctx: RiskContext,
    private readonly onIntent: (intent: OrderIntent) => void,
    sub: Subscriber<OrderIntent>,
  ) {
    super(sub);
  }

  next(signal: Signal): void {
    try {
      this.journal.append({ kind: 'signal', signal });
      const r = this.gate.evaluate(signal, this.ctx);
      if (r.kind === 'denied') {
        this.journal.append({ kind: 'denial', denial: r.denial });
        return;
      }
      this.onIntent(r.intent);
      this.sub.next(r.intent);
    } catch (e: unknown) {
      this.sub.error(e);
    }
  }
}
