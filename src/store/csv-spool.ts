import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_CHARS = 1 << 16;

/**
 * An append-only CSV file written in 64 KiB batches with synchronous writes: rows leave JS memory as they are
 * made (a long replay keeps none of them), cost a string append each, and land in the page cache, not on the
 * event loop's queue. DuckDB reads the file back with `read_csv` when the run's results are written.
 */
export class CsvSpool {
  readonly #fd: number;
  #pending = '';
  #rows = 0;
  #open = true;

  constructor(readonly path: string) {
    this.#fd = openSync(path, 'w');
  }

  /** Appends one row: the caller's cells already joined by commas, text cells through `csvText`. */
  row(line: string): void {
    this.#pending += line;
    this.#pending += '\n';
    this.#rows++;
    if (this.#pending.length >= FLUSH_CHARS) this.#flush();
  }

  get rows(): number {
    return this.#rows;
  }

  /** Writes what is pending and closes the file (again: nothing). */
  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#flush();
    closeSync(this.#fd);
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    writeSync(this.#fd, this.#pending);
    this.#pending = '';
  }
}

/** A text cell, always quoted, with its quotes doubled (RFC 4180). */
export const csvText = (s: string): string => `"${s.replaceAll('"', '""')}"`;
