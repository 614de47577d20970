import { z } from 'zod';
import { executionConfigSchema } from '../execution/config.js';
import { feedConfigSchema } from '../feed/config.js';
import { telemetryConfigSchema } from '../telemetry/config.js';
import { riskConfigSchema } from '../risk/config.js';

const scannerEntry = z.strictObject({
  enabled: z.boolean().default(true),
  params: z.record(z.string(), z.unknown()).default({}),
});

/** Stage one: the shape. Unknown keys are refused everywhere (strict objects). */
export const engineConfigSchema = z.strictObject({
  mode: z.enum(['paper', 'live']).default('paper'),
  replay: z.strictObject({
    seed: z.number().int().min(0).default(42),
    riskFreeRatePct: z.number().min(0).max(50).default(6.5),
    windowBars: z.number().int().min(10).max(5000).default(120),
    orderIdPrefix: z.string().regex(/^[A-Za-z0-9]{1,6}$/).default('BT'),
    /** DuckDB's buffer limit during a replay; the journal spills to its scratch file beyond it. */
    duckdbMemoryLimitMb: z.number().int().min(64).max(65_536).default(192),
  }).prefault({}),
  risk: riskConfigSchema.prefault({}),
  execution: executionConfigSchema.prefault({}),
  scanners: z.record(z.string(), scannerEntry).default({}),
  feed: feedConfigSchema.prefault({}),
  telemetry: telemetryConfigSchema.prefault({}),
});

export type EngineConfig = z.infer<typeof engineConfigSchema>;
