import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cliAsync } from '../support/cli.js';
import { useTempDir } from '../support/temp-dir.js';

const clean = { DHAN_CLIENT_ID: '', DHAN_ACCESS_TOKEN: '', DHAN_FEED_URL: '', TRADE_ENGINE_MODE: '', DHAN_API_URL: '' };

describe('trade-engine config check', () => {
  const dir = useTempDir();
  const file = (name: string, text: string): string => {
    const p = join(dir(), name);
    writeFileSync(p, text);
    return p;
  };

  it('prints the effective config with overrides listed and secrets removed', async () => {
    const f = file('c.yaml', 'mode: live\nfeed:\n  url: wss://feed.example\nrisk:\n  maxOpenPositions: 4\n');
    const r = await cliAsync(['config', 'check', f, '--set', 'risk.maxOpenPositions=2'], dir(), {
      ...clean, DHAN_CLIENT_ID: '1100998877', DHAN_ACCESS_TOKEN: 'eyJ-secret-token', DHAN_FEED_URL: 'ws://u:eyJ-secret-token@127.0.0.1:9000/feed',
    });
    expect(r.code, r.stderr).toBe(0);
    const printed = parse(r.stdout) as { mode: string; feed: { url: string }; risk: { maxOpenPositions: number } };
    expect(printed.mode).toBe('live');
    expect(printed.risk.maxOpenPositions).toBe(2);
    expect(printed.feed.url).toBe('ws://**REDACTED**@127.0.0.1:9000/feed');
    expect(r.stdout).not.toContain('eyJ-secret-token');
    expect(r.stderr).toContain('override: feed.url from the environment (DHAN_FEED_URL)');
    expect(r.stderr).toContain('override: risk.maxOpenPositions from the command line (--set)');
  });

  it('exits 2 with the path and reason of an invalid config', async () => {
    const f = file('bad.yaml', 'risk:\n  maxOpenPositons: 3\n');
    const r = await cliAsync(['config', 'check', f], dir(), clean);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('risk.maxOpenPositons: unknown key');
    expect(r.stderr).toContain('[CONFIG_INVALID]');
  });

  it('refuses mode live without a token, unless forced to paper', async () => {
    const f = file('live.json', JSON.stringify({ mode: 'live' }));
    const r = await cliAsync(['config', 'check', f], dir(), clean);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs DHAN_CLIENT_ID');
    const paper = await cliAsync(['config', 'check', f, '--paper', '--json'], dir(), clean);
    expect(paper.code, paper.stderr).toBe(0);
    expect((JSON.parse(paper.stdout) as { mode: string }).mode).toBe('paper');
  });

  it('checks the packaged default config when no file is given', async () => {
    const r = await cliAsync(['config', 'check'], dir(), clean);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/config OK: .*config\/default\.json \(mode paper\)/);
  });
});
