import { describe, expect, it } from 'vitest';
import { classifyPath, diffConfig, keepRestartValues, parseConfig } from '../../src/config/index.js';
import { scannerRegistry } from '../../src/scanners/index.js';

const cfg = (raw: Record<string, unknown>) => parseConfig(raw, scannerRegistry, 'test');

describe('diffConfig', () => {
  it('classifies scanner and risk changes as hot, feed and mode changes as needing a restart', () => {
    const a = cfg({ scanners: { 'vwap-cross': { enabled: true } }, risk: { maxOpenPositions: 5 } });
    const b = cfg({
      mode: 'live',
      scanners: { 'vwap-cross': { enabled: false }, 'ema-crossover': {} },
      risk: { maxOpenPositions: 2 },
      feed: { url: 'ws://127.0.0.1:1', instruments: [{ symbol: 'TCS', securityId: '11536' }] },
    });
    const d = diffConfig(a, b);
    expect(d.hot.map((c) => c.path)).toEqual(['risk.maxOpenPositions', 'scanners.ema-crossover', 'scanners.vwap-cross.enabled']);
    expect(d.restart.map((c) => c.path)).toEqual(['feed.instruments', 'feed.url', 'mode']);
    expect(d.restart.every((c) => c.reason.length > 0)).toBe(true);
  });

  it('finds nothing between equal configs', () => {
    expect(diffConfig(cfg({}), cfg({}))).toEqual({ hot: [], restart: [] });
  });

  it('treats keys it does not know (future ports, credentials) as needing a restart', () => {
    expect(classifyPath('control.port').class).toBe('restart');
    expect(classifyPath('scanners.vwap-cross.params.period').class).toBe('hot');
    expect(classifyPath('riskier').class, 'a prefix matches whole segments only').toBe('restart');
  });

  it('keeps the running value of every needs-restart key and takes the hot ones', () => {
    const a = cfg({ risk: { maxOpenPositions: 5 } });
    const b = cfg({ mode: 'live', risk: { maxOpenPositions: 2 }, feed: { url: 'ws://127.0.0.1:1' } });
    const merged = keepRestartValues(a, b, diffConfig(a, b)) as { mode: string; feed: { url: string }; risk: { maxOpenPositions: number } };
    expect(merged.mode).toBe('paper');
    expect(merged.feed.url).toBe(a.feed.url);
    expect(merged.risk.maxOpenPositions).toBe(2);
  });
});
