import { SweepError } from '../errors.js';

/** The BullMQ queue every sweep and worker share (one Redis may serve several engines with different names). */
export const DEFAULT_QUEUE_NAME = 'trade-engine-sweep';

/** BullMQ connection options for a `redis://` or `rediss://` URL (workers block, so no per-request retry limit). */
export const queueConnection = (url: string): { url: string; maxRetriesPerRequest: null } => {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new SweepError('SWEEP_QUEUE_URL_INVALID', `--queue: not a URL: ${url} (expected redis://HOST:PORT)`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new SweepError('SWEEP_QUEUE_URL_INVALID', `--queue: expected redis://HOST:PORT or rediss://…, got ${u.protocol}`);
  }
  return { url, maxRetriesPerRequest: null };
};
