import { existsSync } from 'node:fs';

/**
 * Whether a system binary a test needs is installed. Under CI=true a missing one fails the test run (.ci/run
 * installs it); on a developer machine the test is skipped with a loud warning.
 */
export const requireBinary = (path: string, aptPackage: string): boolean => {
  if (existsSync(path)) return true;
  const msg = `${path} is missing (Debian package ${aptPackage}): the tests that need it are SKIPPED. Install it with apt-get install ${aptPackage}.`;
  if (process.env.CI === 'true') throw new Error(`CI: ${msg}`);
  console.warn(`\n!!! ${msg}\n`);
  return false;
};
