import { writeFileSync } from 'node:fs';

export interface BenchRow {
  readonly issue: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
}

/** Prints the rows as a table and writes the same figures to bench/results.json. */
export const report = (rows: readonly BenchRow[], path: string): void => {
  const cells = rows.map((r) => [r.issue, r.metric, fmt(r.value), r.unit, r.target ?? '']);
  const head = ['issue', 'metric', 'value', 'unit', 'target'];
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) => c.map((v, i) => (i === 2 ? v.padStart(w[i] ?? 0) : v.padEnd(w[i] ?? 0))).join('  ');
  process.stdout.write(`${line(head)}\n${line(w.map((n) => '-'.repeat(n)))}\n${cells.map(line).join('\n')}\n`);
  writeFileSync(path, `${JSON.stringify({ rows }, null, 2)}\n`);
};

const fmt = (v: number): string => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(3));
