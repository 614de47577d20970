import { z } from 'zod';

/** The risk stage of a replay or live session (the full engine of issue 6 extends this section). */
export const riskConfigSchema = z.strictObject({
  capitalPaise: z.number().int().positive().default(100_000_000),
  riskPerTradePct: z.number().positive().max(10).default(0.5),
  intradayLeverage: z.number().positive().max(20).default(5),
  maxPositionNotionalPct: z.number().positive().max(100).default(20),
  maxOpenPositions: z.number().int().positive().default(5),
  tickPaise: z.number().int().positive().default(5),
  lotSize: z.number().int().positive().default(1),
});
export type RiskConfig = z.infer<typeof riskConfigSchema>;
