import { describe, expect, it } from 'vitest';
import { REDACTED, sanitizeConfig } from '../../src/config/index.js';

describe('sanitizeConfig', () => {
  it('removes secret-looking keys, URL credentials and known secret values, leaving the rest', () => {
    const out = sanitizeConfig({
      mode: 'live',
      feed: { url: 'wss://user:pw@feed.example/x?token=abc&version=2', accessToken: 'zzz' },
      broker: { apiKey: 'k', clientId: '1100', timeoutMs: 5000 },
      note: 'token is s3cr3t-value here',
    }, ['s3cr3t-value', undefined, '']);
    expect(out).toEqual({
      mode: 'live',
      feed: { url: `wss://${REDACTED}@feed.example/x?token=${REDACTED}&version=2`, accessToken: REDACTED },
      broker: { apiKey: REDACTED, clientId: REDACTED, timeoutMs: 5000 },
      note: `token is ${REDACTED} here`,
    });
  });

  it('returns a copy and leaves the frozen config alone', () => {
    const c = Object.freeze({ risk: Object.freeze({ maxOpenPositions: 3 }) });
    const out = sanitizeConfig(c) as { risk: { maxOpenPositions: number } };
    expect(out).toEqual(c);
    expect(out).not.toBe(c);
  });
});
