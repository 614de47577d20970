import { schemaV1 } from './schema-v1.js';
import { schemaV2 } from './schema-v2.js';
import { schemaV3 } from './schema-v3.js';

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly statements: readonly string[];
}

/** Ordered, append-only. Never edit a released migration; add the next version. */
export const migrations: readonly Migration[] = [
  { version: 1, description: 'design tables, ingest rejects, journal and backtest results', statements: schemaV1 },
  { version: 2, description: 'sweep_runs: parameter sweep runs tagged with sweep, combination and phase', statements: schemaV2 },
  { version: 3, description: 'backtest_latency: latency percentiles of a run', statements: schemaV3 },
];

export const latestSchemaVersion = migrations.reduce((v, m) => Math.max(v, m.version), 0);

/** The marker table that says a file is ours. */
export const SCHEMA_VERSION_TABLE = 'trade_engine_schema_version';
