import { z } from 'zod';

/** The daemon's HTTP endpoint (/metrics, /healthz, /readyz, /control/*) and logging. */
export const telemetryConfigSchema = z.strictObject({
  http: z.strictObject({
    enabled: z.boolean().default(true),
    /** Loopback only: the control endpoints change what the daemon does. */
    host: z.enum(['127.0.0.1', '::1']).default('127.0.0.1'),
    port: z.number().int().min(0).max(65_535).default(9464),
  }).prefault({}),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
});
export type TelemetryConfig = z.infer<typeof telemetryConfigSchema>;
