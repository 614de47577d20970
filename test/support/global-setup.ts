import { execFileSync } from 'node:child_process';

/** The e2e tests run the built CLI exactly as an operator does, so build it once before the run. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
