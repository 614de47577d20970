import { z } from 'zod';
import { executionConfigSchema } from '../execution/config.js';
import { feedConfigSchema } from '../feed/config.js';
import { telemetryConfigSchema } from '../telemetry/config.js';
import { stateConfigSchema } from '../state/config.js';
import { riskConfigSchema } from '../risk/config.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (IST)');

/**
 * The market day's process-level events (src/app/schedule.ts). Open and close come from `feed.marketOpen` and
 * `feed.marketClose`, the entry cut-off and square-off from `execution.session`, so each time has one home.
 */
export const scheduleConfigSchema = z.strictObject({
  warmUp: hhmm.default('09:00'),
  eodSummary: hhmm.default('15:35'),
  /** NSE holidays and special sessions; relative paths are read from the config file's folder. Default: the packaged config/nse-holidays.json. */
  holidaysFile: z.string().min(1).optional(),
});

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
  state: stateConfigSchema.prefault({}),
  schedule: scheduleConfigSchema.prefault({}),
});

export type EngineConfig = z.infer<typeof engineConfigSchema>;
