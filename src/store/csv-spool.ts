import { closeSync, openSync, writeSync } from 'node:fs';

const BUFFER_BYTES = 1 << 16;

/**
 * An append-only CSV file written in 64 KiB batches with synchronous writes: rows leave JS memory as they are
 * made (a long replay keeps none of them), each encoded once into a reused buffer (no long string to flatten), and
 * land in the page cache, not on the event loop's queue. DuckDB reads the file back with `read_csv` when the run's
 * results are written.
 */
export class CsvSpool {
  readonly #fd: number;
  readonly #buf = Buffer.allocUnsafe(BUFFER_BYTES);
  #off = 0;
  #open = true;

  constructor(readonly path: string) {
    this.#fd = openSync(path, 'w');
  }

  /** Appends one row: the caller's cells already joined by commas, text cells through `csvText`. */
  row(line: string): void {
    // at most 3 UTF-8 bytes per UTF-16 unit, plus the newline
    if (this.#off + line.length * 3 + 1 > BUFFER_BYTES) {
      this.#flush();
      if (line.length * 3 + 1 > BUFFER_BYTES) {
        writeSync(this.#fd, `${line}\n`);
        return;
      }
    }
    this.#off += this.#buf.write(line, this.#off, 'utf8');
    this.#buf[this.#off++] = 10;
  }

  /** Writes what is pending and closes the file (again: nothing). */
  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#flush();
    closeSync(this.#fd);
  }

  #flush(): void {
    if (this.#off === 0) return;
    writeSync(this.#fd, this.#buf, 0, this.#off);
    this.#off = 0;
  }
}

/** A text cell, always quoted, with its quotes doubled (RFC 4180). */
export const csvText = (s: string): string => `"${s.replaceAll('"', '""')}"`;
