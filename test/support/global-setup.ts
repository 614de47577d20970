import { execFileSync } from 'node:child_process';

/**
 * The e2e tests run the built CLI exactly as an operator does, so build it once before the run.
 * `TRADE_ENGINE_SKIP_BUILD=1` skips it for a quick unit-test loop (never set in CI).
 */
export default function setup(): void {
  if (process.env.TRADE_ENGINE_SKIP_BUILD === '1' && process.env.CI !== 'true') return;
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
