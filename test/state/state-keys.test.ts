import { describe, expect, it } from 'vitest';
import { STATE_KIND_CLASS, StateError, stateConfigSchema, stateKeyspace } from '../../src/state/index.js';

describe('stateKeyspace', () => {
  it('namespaces every key by mode and account', () => {
    const live = stateKeyspace('live', 'acc1');
    expect(live.key('position', 'RELIANCE')).toBe('te:live:acc1:position:RELIANCE');
    expect(live.kindPrefix('order')).toBe('te:live:acc1:order:');
    expect(live.prefix).toBe('te:live:acc1:');
  });

  it('gives a replay key that never equals or falls under a live prefix', () => {
    const live = stateKeyspace('live', 'acc1');
    const replay = stateKeyspace('replay', 'acc1');
    const paper = stateKeyspace('paper', 'acc1');
    for (const kind of Object.keys(STATE_KIND_CLASS) as (keyof typeof STATE_KIND_CLASS)[]) {
      const r = replay.key(kind, 'X');
      expect(r).not.toBe(live.key(kind, 'X'));
      expect(r.startsWith(live.prefix)).toBe(false);
      expect(paper.key(kind, 'X').startsWith(live.prefix)).toBe(false);
      expect(live.parse(r)).toBeUndefined();
    }
    // an account that extends another is not under its prefix
    expect(stateKeyspace('live', 'acc10').key('order', 'C1').startsWith(live.prefix)).toBe(false);
  });

  it('parses its own keys back, ids with colons included', () => {
    const ks = stateKeyspace('paper', 'a-1');
    expect(ks.parse(ks.key('order', 'C:1:2'))).toEqual({ kind: 'order', id: 'C:1:2' });
    expect(ks.parse('te:paper:a-1:nope:x')).toBeUndefined();
    expect(ks.classOf('window')).toBe('cache');
    expect(ks.classOf('trading')).toBe('durable');
  });

  it('refuses an account with a separator or glob character, and an empty id', () => {
    expect(() => stateKeyspace('live', 'a:b')).toThrow(StateError);
    expect(() => stateKeyspace('live', 'a*')).toThrow(StateError);
    expect(() => stateKeyspace('live', 'a').key('bar', '')).toThrow(StateError);
  });
});

describe('stateConfigSchema', () => {
  it('defaults to the in-memory store with a one-day cache TTL', () => {
    expect(stateConfigSchema.parse({})).toEqual({ store: 'memory', flushIntervalMs: 1000, maxBufferedEntries: 100_000, cacheTtlSeconds: 86_400, account: 'default' });
  });

  it('refuses an unknown key and a non-redis URL', () => {
    expect(stateConfigSchema.safeParse({ stor: 'redis' }).success).toBe(false);
    expect(stateConfigSchema.safeParse({ store: 'redis', redisUrl: 'http://x' }).success).toBe(false);
    expect(stateConfigSchema.parse({ store: 'redis', redisUrl: 'redis://127.0.0.1:6390/2' }).redisUrl).toBe('redis://127.0.0.1:6390/2');
  });
});
