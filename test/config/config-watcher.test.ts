import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstValueFrom, filter, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, ConfigWatcher, type EngineConfig } from '../../src/config/index.js';
import { scannerRegistry } from '../../src/scanners/index.js';
import { useTempDir } from '../support/temp-dir.js';

const good = (vwapEnabled: boolean, maxOpen = 5, feedUrl = 'wss://api-feed.dhan.co'): string => [
  `feed: { url: "${feedUrl}" }`,
  'scanners:',
  `  vwap-cross: { enabled: ${vwapEnabled} }`,
  '  ema-crossover: { enabled: true }',
  'risk:',
  `  maxOpenPositions: ${maxOpen}`,
  '',
].join('\n');

describe('ConfigWatcher', () => {
  const dir = useTempDir();
  let open: ConfigWatcher[] = [];
  afterEach(() => {
    for (const w of open) w.close();
    open = [];
  });
  const start = (text: string, watch = false, env: Record<string, string> = {}): { w: ConfigWatcher; file: string } => {
    const file = join(dir(), 'config.yaml');
    writeFileSync(file, text);
    const w = ConfigWatcher.open({ file, scanners: scannerRegistry, watch, debounceMs: 30, env: () => env });
    open.push(w);
    return { w, file };
  };

  it('applies a valid edit: a scanner switched off and a risk limit changed, published as one frozen config', () => {
    const { w, file } = start(good(true));
    const seen: Readonly<EngineConfig>[] = [];
    w.config$.subscribe((c) => seen.push(c));
    writeFileSync(file, good(false, 2));
    const events = w.reload();
    expect(events.map((e) => e.kind)).toEqual(['applied']);
    expect(events[0]?.kind === 'applied' && events[0].changes.map((c) => c.path)).toEqual(['risk.maxOpenPositions', 'scanners.vwap-cross.enabled']);
    expect(seen).toHaveLength(2);
    expect(w.current.scanners['vwap-cross']?.enabled).toBe(false);
    expect(w.current.risk.maxOpenPositions).toBe(2);
    expect(Object.isFrozen(w.current.scanners)).toBe(true);
    expect(w.stats).toEqual({ applied: 1, refused: 0, needsRestart: 0 });
  });

  it('refuses a broken edit with the path and reason and keeps the running config', () => {
    const { w, file } = start(good(true));
    const before = w.current;
    const published: unknown[] = [];
    w.config$.subscribe((c) => published.push(c));
    writeFileSync(file, good(false).replace('maxOpenPositions', 'maxOpenPositons'));
    const [e] = w.reload();
    expect(e?.kind).toBe('refused');
    expect(e?.kind === 'refused' && e.issues).toEqual(['risk.maxOpenPositons: unknown key']);
    writeFileSync(file, 'risk: [1, 2\n');
    expect(w.reload()[0]?.kind).toBe('refused');
    expect(w.current).toBe(before);
    expect(published).toHaveLength(1);
    expect(w.stats.refused).toBe(2);
  });

  it('reports needs-restart changes and keeps their running values while applying the hot ones', () => {
    const { w, file } = start(good(true));
    writeFileSync(file, good(false, 5, 'ws://127.0.0.1:9000'));
    const events = w.reload();
    expect(events.map((e) => e.kind)).toEqual(['applied', 'needs-restart']);
    expect(events[1]?.kind === 'needs-restart' && events[1].changes.map((c) => c.path)).toEqual(['feed.url']);
    expect(w.current.feed.url, 'not half-applied').toBe('wss://api-feed.dhan.co');
    expect(w.current.scanners['vwap-cross']?.enabled).toBe(false);
  });

  it('publishes nothing for a needs-restart-only edit, and nothing when the file is unchanged', () => {
    const { w, file } = start(good(true));
    const published: unknown[] = [];
    w.config$.subscribe((c) => published.push(c));
    expect(w.reload()).toEqual([]);
    writeFileSync(file, `mode: paper\nschedule: { warmUp: "08:55" }\n${good(true)}`);
    expect(w.reload().map((e) => e.kind)).toEqual(['needs-restart']);
    expect(published).toHaveLength(1);
  });

  it('keeps the environment above the file on reload', () => {
    const { w, file } = start(good(true), false, { DHAN_FEED_URL: 'ws://127.0.0.1:7000' });
    expect(w.overrides).toEqual([{ key: 'feed.url', source: 'env', name: 'DHAN_FEED_URL' }]);
    writeFileSync(file, good(true, 3, 'wss://elsewhere.example'));
    expect(w.reload().map((e) => e.kind)).toEqual(['applied']);
    expect(w.current.feed.url).toBe('ws://127.0.0.1:7000');
  });

  it('refuses an empty file (an editor mid-write) instead of falling back to defaults', () => {
    const { w, file } = start(good(false));
    writeFileSync(file, '');
    expect(w.reload()).toEqual([{ kind: 'refused', source: 'reload', issues: ['(file): is empty (an edit in progress?)'] }]);
    expect(w.current.scanners['vwap-cross']?.enabled).toBe(false);
  });

  it('throws a ConfigError at startup for an invalid file', () => {
    expect(() => start('risk:\n  bogus: 1\n')).toThrow(ConfigError);
  });

  it('picks up edits through the file watch, including an editor-style replace, and refuses a broken one', async () => {
    const { w, file } = start(good(true), true);
    const firstTwo = firstValueFrom(w.events$.pipe(take(2), toArray()));
    const applied = firstValueFrom(w.events$.pipe(filter((e) => e.kind === 'applied')));
    const tmp = join(dir(), '.config.yaml.tmp');
    writeFileSync(tmp, good(false));
    renameSync(tmp, file);
    await applied;
    expect(w.current.scanners['vwap-cross']?.enabled).toBe(false);
    const refused = firstValueFrom(w.events$.pipe(filter((e) => e.kind === 'refused')));
    writeFileSync(tmp, good(true).replace('enabled: true }\n  ema', 'enabled: maybe }\n  ema'));
    renameSync(tmp, file);
    const e = await refused;
    expect(e.kind === 'refused' && e.issues[0]).toMatch(/^scanners\.vwap-cross\.enabled: /);
    expect(w.current.scanners['vwap-cross']?.enabled, 'the running config stays').toBe(false);
    expect((await firstTwo).map((x) => x.kind)).toEqual(['applied', 'refused']);
  });
});
