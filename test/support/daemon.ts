import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '..', '..', 'dist', 'app', 'main.js');

/** The built `trade-engine` running in the background: its stdout lines as they come, its exit, its HTTP endpoint. */
export interface Daemon {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: string[];
  readonly exited: Promise<number | null>;
  /** `http://127.0.0.1:PORT` once the daemon logged it, else ''. */
  base(): string;
}

export const startDaemon = (dir: string, args: readonly string[], env: Record<string, string>): Daemon => {
  const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, ...env } });
  const lines: string[] = [];
  let buf = '';
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split('\n');
    buf = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr.on('data', (d: Buffer) => lines.push(`STDERR ${d.toString()}`));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const base = () => /metrics and control on (http:\/\/[0-9.:]+)/.exec(lines.find((l) => l.includes('metrics and control on')) ?? '')?.[1] ?? '';
  return { child, lines, exited, base };
};
