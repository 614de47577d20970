import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/telemetry/index.js';

const TOKEN = 'eyJhbGciOiJIUzUxMiJ9.secret-payload';

describe('createLogger', () => {
  it('never writes the access token: not as a field, not inside a URL, not inside an error message', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', secrets: [TOKEN], now: () => Date.UTC(2025, 0, 6, 4, 0), write: (l) => void lines.push(l) });
    const child = log.child({ component: 'feed' });
    child.info({ token: TOKEN, headers: { 'access-token': TOKEN } }, 'connecting');
    child.info({ url: `wss://api-feed.dhan.co/?version=2&token=${TOKEN}&clientId=1&authType=2` }, 'url');
    child.error({ err: new Error(`handshake failed for token ${TOKEN}`) }, `failed with ${TOKEN}`);
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).not.toContain('secret-payload');
    expect(lines.join('')).toContain('[REDACTED]');
  });

  it("writes the design's structure: timestamp from the given clock, level name, component and message", () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', secrets: [], now: () => Date.UTC(2025, 0, 6, 4, 0), write: (l) => void lines.push(l) });
    log.child({ component: 'router' }).info({ operation: 'place', symbol: 'INFY', order_id: 'X1', latency_ms: 3, status: 'accepted' }, 'order');
    log.debug('not written at info');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      level: 'info', timestamp: '2025-01-06T04:00:00.000Z', component: 'router', operation: 'place', symbol: 'INFY', order_id: 'X1', latency_ms: 3, status: 'accepted', msg: 'order',
    });
  });
});
