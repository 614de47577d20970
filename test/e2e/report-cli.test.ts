import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { useTempDir } from '../support/temp-dir.js';

describe('trade-engine report (CLI)', () => {
  const tmp = useTempDir();

  it('gives one clear line and exit code 2 for an unknown run id or a database without results, and writes no file', () => {
    const dir = tmp();
    cli(['data', 'generate', '--db', 'm.duckdb', '--symbols', '2', '--days', '1'], dir);
    const empty = cli(['report', 'run-x', '--db', 'm.duckdb', '--out', 'r.html'], dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr.trim().split('\n')).toHaveLength(1);
    expect(empty.stderr).toMatch(/^trade-engine: m\.duckdb: no backtest results in this database .*run-x \[REPORT_NO_RESULTS\]/);
    expect(cli(['replay', '--db', 'm.duckdb', '--json'], dir).code).toBe(0);
    const unknown = cli(['report', 'run-x', '--db', 'm.duckdb', '--out', 'r.html'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^trade-engine: m\.duckdb: no backtest run run-x \(latest runs: run-\S+\) \[REPORT_RUN_NOT_FOUND\]\n$/);
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
  });

  it('names a missing database file', () => {
    const r = cli(['report', 'run-x', '--db', 'nope.duckdb', '--out', 'r.html'], tmp());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.duckdb: database file does not exist [STORE_FILE_MISSING]');
  });

  it('has --help listing its options', () => {
    const r = cli(['report', '--help'], tmp());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: trade-engine report \[options\] <run-id>[\s\S]*--db <file>[\s\S]*--out <file>[\s\S]*--symbol <symbol>/);
    expect(cli(['replay', '--help'], tmp()).stdout).toContain('--report <file>');
  });
});
