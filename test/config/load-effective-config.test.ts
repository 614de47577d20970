import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseSetOption } from '../../src/config/index.js';
import { scannerRegistry } from '../../src/scanners/index.js';
import { useTempDir } from '../support/temp-dir.js';

describe('loadConfig', () => {
  const dir = useTempDir();
  const yaml = (text: string): string => {
    const p = join(dir(), 'config.yaml');
    writeFileSync(p, text);
    return p;
  };
  const base = 'feed:\n  url: wss://from-file.example\nrisk:\n  maxOpenPositions: 4\n';

  it('applies CLI over environment over file and lists every override', () => {
    const file = yaml(base);
    const r = loadConfig({
      file, scanners: scannerRegistry,
      env: { DHAN_FEED_URL: 'ws://127.0.0.1:9999', TRADE_ENGINE_MODE: 'live', DHAN_CLIENT_ID: 'c1', DHAN_ACCESS_TOKEN: 'tok' },
      cli: [{ key: 'mode', value: 'paper', name: '--paper' }, parseSetOption('risk.maxOpenPositions=2')],
    });
    expect(r.config.feed.url, 'environment beats the file').toBe('ws://127.0.0.1:9999');
    expect(r.config.mode, 'the command line beats the environment').toBe('paper');
    expect(r.config.risk.maxOpenPositions).toBe(2);
    expect(r.overrides).toEqual([
      { key: 'mode', source: 'env', name: 'TRADE_ENGINE_MODE' },
      { key: 'feed.url', source: 'env', name: 'DHAN_FEED_URL' },
      { key: 'mode', source: 'cli', name: '--paper' },
      { key: 'risk.maxOpenPositions', source: 'cli', name: '--set' },
    ]);
  });

  it('keeps the file when the environment is blank or absent', () => {
    const r = loadConfig({ file: yaml(base), scanners: scannerRegistry, env: { DHAN_FEED_URL: '  ', TRADE_ENGINE_MODE: '' } });
    expect(r.config.feed.url).toBe('wss://from-file.example');
    expect(r.config.mode).toBe('paper');
    expect(r.overrides).toEqual([]);
  });

  it('reports an environment variable whose key this build lacks instead of applying it', () => {
    const r = loadConfig({ file: yaml(base), scanners: scannerRegistry, env: { DHAN_API_URL: 'http://127.0.0.1:1' } });
    const hasKey = r.overrides.some((o) => o.name === 'DHAN_API_URL');
    expect(hasKey || r.ignored.some((i) => i.name === 'DHAN_API_URL' && i.key === 'execution.broker.apiUrl')).toBe(true);
  });

  it('refuses mode live without a token, naming the missing variable', () => {
    const file = yaml('mode: live\n');
    expect(() => loadConfig({ file, scanners: scannerRegistry, env: { DHAN_CLIENT_ID: 'c1' } })).toThrow(/mode: "live" sends real orders and needs DHAN_ACCESS_TOKEN/);
    expect(loadConfig({ file, scanners: scannerRegistry, env: { DHAN_CLIENT_ID: 'c1', DHAN_ACCESS_TOKEN: 't' } }).config.mode).toBe('live');
  });

  it('refuses a bad override with the key path, and a bad --set', () => {
    const file = yaml(base);
    const err = (() => {
      try {
        loadConfig({ file, scanners: scannerRegistry, env: { TRADE_ENGINE_MODE: 'yolo' } });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).issues[0]).toMatch(/^mode: /);
    expect(() => loadConfig({ file, scanners: scannerRegistry, cli: [parseSetOption('risk.nope=1')] })).toThrow(/risk\.nope: unknown key/);
    expect(() => loadConfig({ file, scanners: scannerRegistry, cli: [parseSetOption('feed.url.deeper=1')] })).toThrow(/feed\.url: is not an object/);
    expect(() => parseSetOption('no-equals-sign')).toThrow(/expected key=value/);
  });

  it('reads --set values as YAML scalars', () => {
    expect(parseSetOption('scanners.vwap-cross.enabled=false')).toEqual({ key: 'scanners.vwap-cross.enabled', value: false, name: '--set' });
    expect(parseSetOption('feed.marketOpen=09:15').value).toBe('09:15');
    expect(parseSetOption('risk.maxOpenPositions=3').value).toBe(3);
  });
});
