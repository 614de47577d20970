import type { BrokerPort, OrderRequest, PlaceOutcome } from '../core/index.js';
import type { EngineState } from './engine-state.js';

/**
 * Sends an entry order at most once per signal across restarts: each order is recorded in the state store before
 * it is sent, and an entry for a signal already recorded today is denied (ORDER_ALREADY_SENT, journaled).
 */
export const idempotentBroker = (inner: BrokerPort, state: EngineState, sentSignals: Set<string>): BrokerPort => ({
  place: async (req: OrderRequest): Promise<PlaceOutcome> => {
    if (req.purpose === 'ENTRY' && sentSignals.has(req.signalId)) {
      return { kind: 'denied', code: 'ORDER_ALREADY_SENT', reason: `signal ${req.signalId} already had its order sent (before a restart)` };
    }
    if (req.purpose === 'ENTRY') sentSignals.add(req.signalId);
    await state.recordSent(req);
    return inner.place(req);
  },
  cancel: (id) => inner.cancel(id),
  openOrders: () => inner.openOrders(),
  get fills$() { return inner.fills$; },
  get updates$() { return inner.updates$; },
});
