/** Prints rows of plain values as an aligned text table on stdout. */
export const printTable = (rows: readonly object[]): void => {
  if (rows.length === 0) {
    process.stdout.write('(no rows)\n');
    return;
  }
  const cols = Object.keys(rows[0] ?? {});
  const cells = rows.map((r) => cols.map((c) => format((r as Record<string, unknown>)[c])));
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (vals: readonly string[]): string => vals.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  process.stdout.write(`${line(cols)}\n${line(widths.map((w) => '-'.repeat(w)))}\n${cells.map(line).join('\n')}\n`);
};

const format = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};
