import { z } from 'zod';
import { chargeRatesSchema } from './charges-config.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (IST)');
const ms = (min: number, max: number, def: number) => z.number().int().min(min).max(max).default(def);

/**
 * The live broker (Dhan REST v2 and its order-update socket). Credentials never live here: DHAN_CLIENT_ID and
 * DHAN_ACCESS_TOKEN come from the environment; `DHAN_API_URL` and `DHAN_ORDER_UPDATE_URL` override the URLs.
 */
export const brokerConfigSchema = z.strictObject({
  apiUrl: z.string().regex(/^https?:\/\//, 'expected an http:// or https:// URL').default('https://api.dhan.co/v2'),
  orderUpdateUrl: z.string().regex(/^wss?:\/\//, 'expected a ws:// or wss:// URL').default('wss://api-order-update.dhan.co'),
  productType: z.enum(['INTRADAY', 'CNC', 'MARGIN']).default('INTRADAY'),
  /** Per REST call (place, cancel, lookups), enforced with an AbortSignal. */
  requestTimeoutMs: ms(100, 60_000, 3000),
  /** After an unknown place outcome: wait, look the order up by correlationId, and retry only if it is absent. */
  lookupDelayMs: ms(0, 60_000, 250),
  placeRetries: z.number().int().min(0).max(3).default(1),
  /** Order-book polling while the order-update socket is down. */
  pollMs: ms(100, 60_000, 1000),
  reconnect: z.strictObject({
    initialMs: ms(10, 60_000, 500),
    maxMs: ms(100, 600_000, 30_000),
  }).prefault({}),
  breaker: z.strictObject({
    /** Calls in the rolling window before the breaker may open. */
    failureThreshold: z.number().int().min(1).max(1000).default(5),
    errorThresholdPercentage: z.number().min(1).max(100).default(50),
    rollingWindowMs: ms(1000, 3_600_000, 60_000),
    /** Open → half-open (one probe order) after this long. */
    resetTimeoutMs: ms(100, 3_600_000, 30_000),
  }).prefault({}),
  rateLimit: z.strictObject({
    perSecond: z.number().int().min(1).max(10).default(10),
    perMinute: z.number().int().min(1).max(250).default(250),
    perDay: z.number().int().min(1).max(7000).default(7000),
    /** Added to each window: the broker counts arrivals, and network jitter can bunch them up. */
    guardMs: ms(0, 1000, 100),
  }).prefault({}),
  overLimit: z.enum(['queue', 'deny']).default('queue'),
});
export type BrokerConfig = z.infer<typeof brokerConfigSchema>;

export const executionConfigSchema = z.strictObject({
  slippageBps: z.number().min(0).max(500).default(2),
  /** An entry order not filled within this long (clock time) is cancelled as stale; 0 keeps it until the square-off. */
  entryTimeoutSeconds: z.number().int().min(0).max(23_400).default(120),
  session: z.strictObject({
    entriesFrom: hhmm.default('09:20'),
    entriesUntil: hhmm.default('15:00'),
    squareOff: hhmm.default('15:15'),
  }).prefault({}),
  charges: chargeRatesSchema.prefault({}),
  broker: brokerConfigSchema.prefault({}),
});
export type ExecutionConfig = z.infer<typeof executionConfigSchema>;
