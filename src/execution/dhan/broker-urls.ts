import type { BrokerConfig } from '../config.js';

export interface BrokerUrls {
  readonly apiUrl: string;
  readonly orderUpdateUrl: string;
  /** Config keys the environment overrode (log each one). */
  readonly overridden: readonly string[];
}

/** Applies `DHAN_API_URL` and `DHAN_ORDER_UPDATE_URL` over the config (src/app passes `process.env`). */
export const brokerUrls = (c: Pick<BrokerConfig, 'apiUrl' | 'orderUpdateUrl'>, env: Readonly<Record<string, string | undefined>>): BrokerUrls => {
  const overridden: string[] = [];
  const pick = (key: string, envName: string, fallback: string): string => {
    const v = env[envName];
    if (v === undefined || v === '') return fallback;
    overridden.push(key);
    return v;
  };
  return {
    apiUrl: pick('execution.broker.apiUrl', 'DHAN_API_URL', c.apiUrl),
    orderUpdateUrl: pick('execution.broker.orderUpdateUrl', 'DHAN_ORDER_UPDATE_URL', c.orderUpdateUrl),
    overridden,
  };
};
