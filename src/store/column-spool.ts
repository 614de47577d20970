import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import duckdb from '@duckdb/node-bindings';
import { InvariantError } from '../core/index.js';
import { DOUBLE, type DuckDBConnection, DuckDBDataChunk, type DuckDBType, INTEGER } from '@duckdb/node-api';

export type SpoolColumnKind = 'INTEGER' | 'DOUBLE';

/** DuckDB's vector size: one spool block is one data chunk. */
export const SPOOL_BLOCK_ROWS = 2048;
const HEADER_BYTES = 8;
const WIDTH: Record<SpoolColumnKind, number> = { INTEGER: 4, DOUBLE: 8 };
const DUCK_TYPE: Record<SpoolColumnKind, DuckDBType> = { INTEGER, DOUBLE };

/**
 * An append-only file of fixed-width numeric rows for the journal of a long replay: rows are written straight into
 * typed-array columns (no text, no allocation per row), and every 2,048 rows the block (a row count, then each
 * column's bytes) goes to the file in one synchronous write, so a run keeps one block in memory however long it
 * is. `load` copies the blocks into a DuckDB table as data chunks (a memory copy per column, no per-value call).
 *
 * Hot path: `const r = spool.row()`, then write the row's cells at index `r` of the typed arrays from `int32(k)` /
 * `float64(k)` (taken once, at construction of the caller).
 */
export class ColumnSpool {
  readonly #block: ArrayBuffer;
  readonly #header: Int32Array;
  readonly #offsets: number[] = [];
  readonly #fd: number;
  #rows = 0;
  #blocks = 0;
  #flushedRows = 0;
  #open = true;

  constructor(readonly path: string, readonly columns: readonly (readonly [string, SpoolColumnKind])[]) {
    for (const [name] of columns) if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`bad spool column name ${name}`);
    let off = HEADER_BYTES;
    for (const [, kind] of columns) {
      this.#offsets.push(off);
      off += WIDTH[kind] * SPOOL_BLOCK_ROWS;
    }
    this.#block = new ArrayBuffer(off);
    this.#header = new Int32Array(this.#block, 0, 2);
    this.#fd = openSync(path, 'w');
  }

  int32(col: number): Int32Array {
    return new Int32Array(this.#block, this.#offset(col, 'INTEGER'), SPOOL_BLOCK_ROWS);
  }

  float64(col: number): Float64Array {
    return new Float64Array(this.#block, this.#offset(col, 'DOUBLE'), SPOOL_BLOCK_ROWS);
  }

  /** The index of a new row in the current block (the previous block written out first when full). */
  row(): number {
    if (!this.#open) throw new InvariantError('a row was added to a closed spool', { path: this.path });
    if (this.#rows === SPOOL_BLOCK_ROWS) this.#flush();
    return this.#rows++;
  }

  /** Rows written so far, the current block included. */
  get rowCount(): number {
    return this.#flushedRows + this.#rows;
  }

  /** Writes the pending block and closes the file (again: nothing). */
  close(): void {
    if (!this.#open) return;
    if (this.#rows > 0) this.#flush();
    this.#open = false;
    closeSync(this.#fd);
  }

  /** Blocks written so far (2,048 rows each, the last one possibly fewer once closed). */
  get blockCount(): number {
    return this.#blocks;
  }

  /**
   * Closes the spool and loads its rows, in order, into a new TEMP table of the spool's columns: all of them, or
   * the blocks `[fromBlock, toBlock)` (a long run's journal is loaded a slice at a time to bound DuckDB's memory).
   */
  async load(c: DuckDBConnection, table: string, fromBlock = 0, toBlock = Number.POSITIVE_INFINITY): Promise<void> {
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new RangeError(`bad spool table name ${table}`);
    this.close();
    await c.run(`CREATE OR REPLACE TEMP TABLE ${table} (${this.columns.map(([n, k]) => `"${n}" ${k}`).join(', ')})`);
    const appender = await c.createAppender(table, null, 'temp');
    const chunk = DuckDBDataChunk.create(this.columns.map(([, k]) => DUCK_TYPE[k]));
    const buf = new Uint8Array(this.#block.byteLength);
    const header = new Int32Array(buf.buffer, 0, 2);
    const fd = openSync(this.path, 'r');
    try {
      for (let b = Math.max(0, fromBlock); b < Math.min(toBlock, this.#blocks); b++) {
        if (readSync(fd, buf, 0, buf.byteLength, b * buf.byteLength) !== buf.byteLength) throw new RangeError(`${this.path}: spool block ${b} is short`);
        const n = header[0] ?? 0;
        chunk.reset();
        this.columns.forEach(([, kind], k) => {
          duckdb.copy_data_to_vector(duckdb.data_chunk_get_vector(chunk.chunk, k), 0, buf.buffer, this.#offsets[k] ?? 0, n * WIDTH[kind]);
        });
        chunk.rowCount = n;
        appender.appendDataChunk(chunk);
      }
    } finally {
      closeSync(fd);
      appender.closeSync();
    }
  }

  #offset(col: number, kind: SpoolColumnKind): number {
    const c = this.columns[col];
    if (c === undefined || c[1] !== kind) throw new RangeError(`spool column ${col} is not ${kind}`);
    return this.#offsets[col] ?? 0;
  }

  #flush(): void {
    this.#header[0] = this.#rows;
    writeSync(this.#fd, new Uint8Array(this.#block));
    this.#blocks++;
    this.#flushedRows += this.#rows;
    this.#rows = 0;
  }
}
