import type { BrokerOrder, BrokerPosition, Clock } from '../../core/index.js';
import { isBrokerError } from './broker-error.js';
import { type SymbolOf, type TradeBookEntry, orderFromRow, positionFromRow, tradeFromRow } from './order-mapper.js';
import type { DhanRestClient } from './rest-client.js';
import { dhanFundLimitSchema, dhanOrderBookSchema, dhanOrderLookupSchema, dhanPositionsSchema, dhanTradeBookSchema } from './wire.js';

export interface FundLimit {
  readonly availablePaise: number;
  readonly sodLimitPaise: number;
  readonly utilisedPaise: number;
  readonly withdrawablePaise: number;
}

const paiseOf = (r: number | null | undefined): number => Math.round((r ?? 0) * 100);

/** The read side of Dhan REST v2 in engine units: orders, trades, positions and funds of today. */
export class DhanAccount {
  constructor(private readonly rest: DhanRestClient, private readonly symbolOf: SymbolOf, private readonly clock: Clock) {}

  async orderBook(): Promise<BrokerOrder[]> {
    const rows = await this.rest.get('/orders', dhanOrderBookSchema);
    return rows.map((r) => orderFromRow(r, this.symbolOf, this.clock.now())).filter((o) => o !== undefined);
  }

  /** One order by Dhan's id; undefined when Dhan does not know it (it answers 200 `[]`). */
  async orderById(brokerOrderId: string): Promise<BrokerOrder | undefined> {
    return this.#lookup(`/orders/${encodeURIComponent(brokerOrderId)}`);
  }

  /** One order by our correlation id (= clientOrderId); undefined when Dhan answers 404 or `[]`. */
  async orderByCorrelationId(clientOrderId: string): Promise<BrokerOrder | undefined> {
    return this.#lookup(`/orders/external/${encodeURIComponent(clientOrderId)}`);
  }

  async tradeBook(): Promise<TradeBookEntry[]> {
    const rows = await this.rest.get('/trades', dhanTradeBookSchema);
    return rows.map((r) => tradeFromRow(r, this.symbolOf, this.clock.now()));
  }

  async positions(): Promise<BrokerPosition[]> {
    return (await this.rest.get('/positions', dhanPositionsSchema)).map((r) => positionFromRow(r, this.symbolOf));
  }

  async fundLimit(): Promise<FundLimit> {
    const f = await this.rest.get('/fundlimit', dhanFundLimitSchema);
    return { availablePaise: paiseOf(f.availabelBalance), sodLimitPaise: paiseOf(f.sodLimit), utilisedPaise: paiseOf(f.utilizedAmount), withdrawablePaise: paiseOf(f.withdrawableBalance) };
  }

  async #lookup(path: string): Promise<BrokerOrder | undefined> {
    try {
      const rows = await this.rest.get(path, dhanOrderLookupSchema);
      const row = Array.isArray(rows) ? rows[0] : rows;
      return row === undefined ? undefined : orderFromRow(row, this.symbolOf, this.clock.now(), 'PENDING');
    } catch (e) {
      if (isBrokerError(e) && e.httpStatus === 404) return undefined;
      throw e;
    }
  }
}
