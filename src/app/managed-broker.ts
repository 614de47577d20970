import { Subject } from 'rxjs';
import type { BrokerPort, Fill, OrderRequest, PlaceOutcome } from '../core/index.js';
import { OrderManager, type OrderResult } from '../execution/index.js';

/**
 * A real broker behind the order state machine: every order is recorded before it is sent (the update socket can
 * overtake the place answer), every update and fill is checked against Dhan's legal transitions, and only fills
 * the manager accepts (once per fill id, never an overfill) reach the graph's ledger through `fills$`.
 */
export const managedBroker = <B extends BrokerPort>(inner: B, onRefused: (r: Extract<OrderResult, { ok: false }>) => void): { broker: BrokerPort; manager: OrderManager } => {
  const accepted = new Subject<Fill>();
  const manager = new OrderManager({ applyFill: (f) => accepted.next(f) });
  const refuse = (r: OrderResult): void => {
    if (!r.ok) onRefused(r);
  };
  inner.updates$.subscribe((u) => refuse(manager.onUpdate(u)));
  inner.fills$.subscribe((f) => refuse(manager.applyFill(f)));
  const broker: BrokerPort = {
    place: async (req: OrderRequest): Promise<PlaceOutcome> => {
      manager.submitting(req);
      const out = await inner.place(req);
      manager.placed(req, out);
      return out;
    },
    cancel: (id) => inner.cancel(id),
    openOrders: () => inner.openOrders(),
    fills$: accepted.asObservable(),
    updates$: inner.updates$,
  };
  return { broker, manager };
};
