import { z } from 'zod';

/**
 * NSE intraday equity (MIS) charge rates. Percent fields are in percent units (0.025 means 0.025%).
 * Defaults are the 2026 tariff as published by Dhan and NSE; they are configuration: check them against the
 * broker's current tariff.
 */
export const chargeRatesSchema = z.strictObject({
  brokerageFlatPaise: z.number().int().min(0).default(2000),
  brokeragePct: z.number().min(0).max(5).default(0.03),
  sttSellPct: z.number().min(0).max(1).default(0.025),
  exchangeTxnPct: z.number().min(0).max(1).default(0.00297),
  sebiFeePct: z.number().min(0).max(1).default(0.0001),
  stampDutyBuyPct: z.number().min(0).max(1).default(0.003),
  gstPct: z.number().min(0).max(100).default(18),
});
export type ChargeRates = z.infer<typeof chargeRatesSchema>;
export const defaultChargeRates: ChargeRates = chargeRatesSchema.parse({});
