import { isDeepStrictEqual } from 'node:util';
import type { EngineConfig } from '../config/index.js';
import { type ScannerInstance, createScanner } from '../scanners/index.js';

/**
 * The scanner set for a new config: a scanner whose parameters did not change keeps its instance (and so its
 * indicator state); a new or re-tuned one starts fresh and warms up on the next bars. Id order, as at startup.
 */
export const swapScanners = (running: readonly ScannerInstance[], before: Readonly<EngineConfig>, after: Readonly<EngineConfig>): ScannerInstance[] => {
  const byId = new Map(running.map((s) => [s.id, s]));
  return Object.entries(after.scanners)
    .filter(([, s]) => s.enabled)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, s]) => {
      const old = byId.get(id);
      const was = before.scanners[id];
      return old !== undefined && was?.enabled === true && isDeepStrictEqual(was.params, s.params) ? old : createScanner(id, s.params, `scanners.${id}.params`);
    });
};
