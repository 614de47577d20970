import { z } from 'zod';

const on = z.boolean().default(true);
const positiveInt = z.number().int().positive();
/** A limit that may be left out (null): that part of the check or trigger is off. */
const optional = <T extends z.ZodType>(t: T) => t.nullable().default(null);

/** Per-check switches and limits. The order the checks run in is fixed (docs/risk.md), not configured. */
export const riskChecksConfigSchema = z.strictObject({
  tradingWindow: z.strictObject({ enabled: on }).prefault({}),
  duplicate: z.strictObject({ enabled: on, windowMs: z.number().int().min(0).default(900_000) }).prefault({}),
  cooldown: z.strictObject({ enabled: on, cooldownMs: z.number().int().min(0).default(300_000) }).prefault({}),
  orderQty: z.strictObject({ enabled: on, maxQty: positiveInt.default(100_000) }).prefault({}),
  orderNotional: z.strictObject({ enabled: on, maxNotionalPaise: positiveInt.default(200_000_000) }).prefault({}),
  freezeQty: z.strictObject({
    enabled: on,
    /** NSE publishes a freeze quantity per instrument: an order of this many shares or more is refused. */
    defaultQty: optional(positiveInt),
    bySymbol: z.record(z.string(), positiveInt).default({}),
  }).prefault({}),
  lotSize: z.strictObject({ enabled: on }).prefault({}),
  tickSize: z.strictObject({ enabled: on }).prefault({}),
  priceBand: z.strictObject({ enabled: on, maxDeviationPct: z.number().positive().max(100).default(5) }).prefault({}),
  onePositionPerSymbol: z.strictObject({ enabled: on }).prefault({}),
  positionPerSymbol: z.strictObject({ enabled: on, maxQty: optional(positiveInt) }).prefault({}),
  openPositions: z.strictObject({ enabled: on }).prefault({}),
  grossExposure: z.strictObject({ enabled: on, maxPctOfCapital: z.number().positive().max(10_000).default(500) }).prefault({}),
  capital: z.strictObject({ enabled: on }).prefault({}),
  orderRate: z.strictObject({
    enabled: on,
    perSecond: optional(positiveInt).default(10),
    perMinute: optional(positiveInt).default(250),
    perDay: optional(positiveInt).default(7_000),
  }).prefault({}),
});

/** The daily-loss kill switch. Each limit is off when null; with both forms set, the tighter one applies. */
export const killSwitchConfigSchema = z.strictObject({
  enabled: on,
  maxDailyLossPaise: optional(positiveInt),
  maxDailyLossPct: optional(z.number().positive().max(100)).default(2),
  maxDrawdownPaise: optional(positiveInt),
  maxDrawdownPct: optional(z.number().positive().max(100)).default(3),
  reduceAfterConsecutiveLosses: optional(positiveInt).default(4),
  flattenOnHalt: z.boolean().default(true),
});

/** The risk stage of a replay or live session. */
export const riskConfigSchema = z.strictObject({
  capitalPaise: positiveInt.default(100_000_000),
  riskPerTradePct: z.number().positive().max(10).default(0.5),
  intradayLeverage: z.number().positive().max(20).default(5),
  maxPositionNotionalPct: z.number().positive().max(100).default(20),
  maxOpenPositions: positiveInt.default(5),
  tickPaise: positiveInt.default(5),
  lotSize: positiveInt.default(1),
  checks: riskChecksConfigSchema.prefault({}),
  killSwitch: killSwitchConfigSchema.prefault({}),
});
export type RiskConfig = z.infer<typeof riskConfigSchema>;
export type RiskChecksConfig = z.infer<typeof riskChecksConfigSchema>;
export type KillSwitchConfig = z.infer<typeof killSwitchConfigSchema>;
