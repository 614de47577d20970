import { Observable, type OperatorFunction } from 'rxjs';
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
  new Observable<OrderIntent>((sub) =>
    source.subscribe({
      next(signal) {
        try {
          journal.append({ kind: 'signal', signal });
          const r = gate.evaluate(signal, ctx);
          if (r.kind === 'denied') {
            journal.append({ kind: 'denial', denial: r.denial });
            return;
          }
          onIntent(r.intent);
          sub.next(r.intent);
        } catch (e: unknown) {
          sub.error(e);
        }
      },
      error: (e: unknown) => sub.error(e),
      complete: () => sub.complete(),
    }));
