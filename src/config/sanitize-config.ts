import { isPlainObject } from './config-path.js';

export const REDACTED = '**REDACTED**';

/** Keys whose values are secret wherever they appear (freqtrade `sanitize_config`). */
const secretKey = /token|secret|password|passphrase|api[-_]?key|credential|private[-_]?key|client[-_]?id/i;

const scrubString = (s: string, secrets: readonly string[]): string => {
  let out = s;
  for (const v of secrets) if (v.length >= 4) out = out.split(v).join(REDACTED);
  // user:password@ in a URL, and secret-looking query parameters
  out = out.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/i, `$1${REDACTED}@`);
  return out.replace(/([?&])([^=&#\s]+)=([^&#\s]*)/g, (m, sep: string, k: string) => (secretKey.test(k) ? `${sep}${k}=${REDACTED}` : m));
};

const scrub = (v: unknown, secrets: readonly string[]): unknown => {
  if (typeof v === 'string') return scrubString(v, secrets);
  if (Array.isArray(v)) return v.map((x) => scrub(x, secrets));
  if (isPlainObject(v)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, secretKey.test(k) && x !== null && x !== undefined ? REDACTED : scrub(x, secrets)]));
  }
  return v;
};

/**
 * A printable copy of a config: values under secret-looking keys, credentials inside URLs and any of the given
 * secret values (e.g. the token from the environment) wherever they appear are replaced by **REDACTED**.
 */
export const sanitizeConfig = <T>(config: T, secrets: readonly (string | undefined)[] = []): unknown =>
  scrub(config, secrets.filter((s): s is string => s !== undefined && s.trim() !== ''));
