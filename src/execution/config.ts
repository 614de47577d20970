import { z } from 'zod';
import { chargeRatesSchema } from './charges-config.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (IST)');

export const executionConfigSchema = z.strictObject({
  slippageBps: z.number().min(0).max(500).default(2),
  session: z.strictObject({
    entriesFrom: hhmm.default('09:20'),
    entriesUntil: hhmm.default('15:00'),
    squareOff: hhmm.default('15:15'),
  }).prefault({}),
  charges: chargeRatesSchema.prefault({}),
});
export type ExecutionConfig = z.infer<typeof executionConfigSchema>;
