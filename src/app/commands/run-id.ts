import { randomBytes } from 'node:crypto';

/** A unique run id: UTC time of the run plus random hex (app-level, never part of the fingerprint). */
export const newRunId = (): string => {
  const t = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `run-${t}-${randomBytes(3).toString('hex')}`;
};
