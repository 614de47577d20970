import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '..', '..', 'dist', 'app', 'main.js');

/** Runs the built `trade-engine` CLI in `cwd`; returns exit code, stdout and stderr. */
export const cli = (args: readonly string[], cwd: string): { code: number; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};
