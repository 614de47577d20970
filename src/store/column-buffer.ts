import { type DuckDBAppender, DuckDBDataChunk, type DuckDBType, type DuckDBVector } from '@duckdb/node-api';

const ROWS = 2048;

/**
 * Buffers rows column-wise in a DuckDB data chunk and appends whole chunks: numeric cells are written into typed
 * arrays in JS, so appending a row costs no native call until the chunk is full.
 */
export class ColumnBuffer {
  readonly #chunk: DuckDBDataChunk;
  readonly #vectors: DuckDBVector[] = [];
  #row = 0;

  constructor(private readonly appender: DuckDBAppender, types: readonly DuckDBType[]) {
    this.#chunk = DuckDBDataChunk.create([...types], ROWS);
    this.#chunk.rowCount = ROWS;
    for (let i = 0; i < types.length; i++) this.#vectors.push(this.#chunk.getColumnVector(i));
  }

  set(col: number, value: number | string): void {
    (this.#vectors[col] as DuckDBVector<number | string>).setItem(this.#row, value);
  }

  /** Ends the current row. */
  commit(): void {
    if (++this.#row === ROWS) this.flush();
  }

  flush(): void {
    if (this.#row === 0) return;
    for (const v of this.#vectors) v.flush();
    this.#chunk.rowCount = this.#row;
    this.appender.appendDataChunk(this.#chunk);
    this.#chunk.rowCount = ROWS;
    this.#row = 0;
  }

  close(): void {
    this.flush();
    this.appender.closeSync();
  }
}
