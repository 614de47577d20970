import { existsSync } from 'node:fs';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { StoreError, classifyOpenError } from './errors.js';
import { SCHEMA_VERSION_TABLE, latestSchemaVersion, migrations } from './schema/migrations.js';

export interface OpenStoreOptions {
  /** Open without write access (replay workers, reports). Default false. */
  readonly readOnly?: boolean;
  /** Create the file when it does not exist. Default true unless readOnly. */
  readonly create?: boolean;
}

type FileState = { kind: 'new' } | { kind: 'ours'; version: number } | { kind: 'empty' };

/**
 * The UnifiedDuckDBManager of the design: opens a DuckDB file, proves it is ours, migrates it, and hands out
 * connections. Session time zone is pinned to UTC so nothing depends on the host's zone.
 */
export class DuckDbStore {
  readonly #instance: DuckDBInstance;
  readonly #connections: DuckDBConnection[] = [];
  #closed = false;

  private constructor(readonly path: string, readonly readOnly: boolean, instance: DuckDBInstance, readonly connection: DuckDBConnection) {
    this.#instance = instance;
    this.#connections.push(connection);
  }

  static async open(path: string, options: OpenStoreOptions = {}): Promise<DuckDbStore> {
    const readOnly = options.readOnly ?? false;
    const state = await inspect(path, readOnly, options.create ?? !readOnly);
    const instance = await createInstance(path, readOnly);
    try {
      const connection = await utcConnection(instance);
      const store = new DuckDbStore(path, readOnly, instance, connection);
      const version = state.kind === 'ours' ? state.version : 0;
      if (version < latestSchemaVersion) {
        if (readOnly) {
          throw new StoreError('STORE_READ_ONLY', `${path}: schema version ${version} needs migration; open it read-write once`, { path });
        }
        await store.#migrate(version);
      }
      return store;
    } catch (e) {
      instance.closeSync();
      throw e;
    }
  }

  /** A further connection to the same database (for a concurrent reader or writer); `disconnect` it when done. */
  async connect(): Promise<DuckDBConnection> {
    const c = await utcConnection(this.#instance);
    this.#connections.push(c);
    return c;
  }

  /**
   * Closes a connection `connect` gave (about 17 KB each: a store that lives for thousands of replays, as a sweep
   * thread's does, would otherwise keep one per replay). The store's own connection and unknown ones are left alone.
   */
  disconnect(c: DuckDBConnection): void {
    const i = this.#connections.indexOf(c);
    if (i <= 0) return;
    this.#connections.splice(i, 1);
    c.closeSync();
  }

  /** Connections open on this store, its own included. */
  get openConnections(): number {
    return this.#closed ? 0 : this.#connections.length;
  }

  /** Runs `fn` in one transaction on the main connection; rolls back on any error. */
  async transaction<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await fn(this.connection);
      await this.connection.run('COMMIT');
      return result;
    } catch (e) {
      await this.connection.run('ROLLBACK');
      throw e;
    }
  }

  async schemaVersion(): Promise<number> {
    const r = await this.connection.runAndReadAll(`SELECT coalesce(max(version), 0)::INTEGER FROM ${SCHEMA_VERSION_TABLE}`);
    return Number(r.getRows()[0]?.[0] ?? 0);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const c of this.#connections) c.closeSync();
    this.#instance.closeSync();
  }

  async #migrate(from: number): Promise<void> {
    await this.transaction(async (c) => {
      await c.run(`CREATE TABLE IF NOT EXISTS ${SCHEMA_VERSION_TABLE} (version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)`);
      for (const m of migrations) {
        if (m.version <= from) continue;
        for (const sql of m.statements) await c.run(sql);
        await c.run(`INSERT INTO ${SCHEMA_VERSION_TABLE} VALUES ($1, $2, current_timestamp::TIMESTAMP)`, [m.version, m.description]);
      }
    });
  }
}

const utcConnection = async (instance: DuckDBInstance): Promise<DuckDBConnection> => {
  const c = await instance.connect();
  await c.run(`SET TimeZone = 'UTC'`);
  return c;
};

const createInstance = async (path: string, readOnly: boolean): Promise<DuckDBInstance> => {
  try {
    return await DuckDBInstance.create(path, { access_mode: readOnly ? 'READ_ONLY' : 'READ_WRITE' });
  } catch (e) {
    throw classifyOpenError(path, e);
  }
};

/** Looks at an existing file read-only, so a file that is not ours or too new is left untouched. */
const inspect = async (path: string, readOnly: boolean, create: boolean): Promise<FileState> => {
  if (path === ':memory:') return { kind: 'new' };
  if (!existsSync(path)) {
    if (readOnly || !create) throw new StoreError('STORE_FILE_MISSING', `${path}: database file does not exist`, { path });
    return { kind: 'new' };
  }
  const instance = await createInstance(path, true);
  try {
    const c = await instance.connect();
    try {
      const tables = (await c.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()`)).getRows().map((r) => String(r[0]));
      if (tables.length === 0) return { kind: 'empty' };
      if (!tables.includes(SCHEMA_VERSION_TABLE)) {
        throw new StoreError('STORE_NOT_OURS', `${path}: not a trade-engine database (no ${SCHEMA_VERSION_TABLE} table); left untouched`, { path, tables });
      }
      const v = Number((await c.runAndReadAll(`SELECT coalesce(max(version), 0)::INTEGER FROM ${SCHEMA_VERSION_TABLE}`)).getRows()[0]?.[0] ?? 0);
      if (v > latestSchemaVersion) {
        throw new StoreError('STORE_SCHEMA_TOO_NEW', `${path}: schema version ${v} is newer than this build understands (${latestSchemaVersion}); upgrade trade-engine`, { path, version: v });
      }
      return { kind: 'ours', version: v };
    } finally {
      c.closeSync();
    }
  } finally {
    instance.closeSync();
  }
};
