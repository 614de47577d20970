import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (IST)');

export const instrumentSchema = z.strictObject({
  symbol: z.string().regex(/^[A-Z0-9&_.-]{1,32}$/, 'expected an NSE trading symbol'),
  securityId: z.string().regex(/^\d{1,10}$/, 'expected the Dhan SecurityId as a string of digits'),
  exchangeSegment: z.enum(['IDX_I', 'NSE_EQ', 'NSE_FNO', 'NSE_CURRENCY', 'BSE_EQ', 'MCX_COMM', 'BSE_CURRENCY', 'BSE_FNO']).default('NSE_EQ'),
});

/** Live market feed settings (credentials never live here: DHAN_CLIENT_ID and DHAN_ACCESS_TOKEN). */
export const feedConfigSchema = z.strictObject({
  /** Dhan's feed by default; `DHAN_FEED_URL` overrides it (for `trade-engine sim`). */
  url: z.string().regex(/^wss?:\/\//, 'expected a ws:// or wss:// URL').default('wss://api-feed.dhan.co'),
  mode: z.enum(['ticker', 'quote', 'full']).default('quote'),
  instruments: z.array(instrumentSchema).default([]),
  /** A JSON file holding an array of instruments, read in addition to `instruments`. */
  instrumentsFile: z.string().min(1).optional(),
  barIntervalSeconds: z.number().int().min(1).max(3600).default(60),
  graceMs: z.number().int().min(0).max(30_000).default(1500),
  /** Close a symbol's bar on its first tick of the next interval (lowest latency); quiet symbols close at boundary + grace. */
  closeOnNextTick: z.boolean().default(true),
  stallSeconds: z.number().min(0.05).max(600).default(30),
  deadSeconds: z.number().min(0.05).max(600).default(45),
  handshakeTimeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  backoff: z.strictObject({
    initialMs: z.number().int().min(10).max(60_000).default(1000),
    maxMs: z.number().int().min(100).max(600_000).default(60_000),
    healthyMs: z.number().int().min(100).max(3_600_000).default(60_000),
  }).prefault({}),
  maxConnections: z.number().int().min(1).max(5).default(5),
  closeCheckMs: z.number().int().min(10).max(5000).default(250),
  marketOpen: hhmm.default('09:15'),
  marketClose: hhmm.default('15:30'),
  record: z.strictObject({
    enabled: z.boolean().default(true),
    batchBars: z.number().int().min(1).max(1_000_000).default(2000),
    flushMs: z.number().int().min(50).max(60_000).default(1000),
    /** DuckDB memory limit of the daemon's store (recording, journal, data quality): small, steady writes. */
    duckdbMemoryLimitMb: z.number().int().min(32).max(65_536).default(64),
  }).prefault({}),
});
export type FeedConfig = z.infer<typeof feedConfigSchema>;
export type InstrumentConfig = z.infer<typeof instrumentSchema>;
