import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile } from '../../src/config/index.js';
import { scannerRegistry } from '../../src/scanners/index.js';
import { useTempDir } from '../support/temp-dir.js';

const issuesOf = (fn: () => unknown): readonly string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfigFile', () => {
  const dir = useTempDir();
  const file = (name: string, text: string): string => {
    const p = join(dir(), name);
    writeFileSync(p, text);
    return p;
  };

  it('reads YAML and JSON files to the same config', () => {
    const yaml = file('c.yaml', [
      'mode: paper',
      'execution:',
      '  session: { entriesFrom: 09:20, entriesUntil: 14:45, squareOff: 15:10 }',
      'scanners:',
      '  vwap-cross: { enabled: false }',
      '  ema-crossover:',
      '    params: {}',
      'risk:',
      '  maxOpenPositions: 3',
    ].join('\n'));
    const json = file('c.json', JSON.stringify({
      mode: 'paper',
      execution: { session: { entriesFrom: '09:20', entriesUntil: '14:45', squareOff: '15:10' } },
      scanners: { 'vwap-cross': { enabled: false }, 'ema-crossover': { params: {} } },
      risk: { maxOpenPositions: 3 },
    }));
    const a = loadConfigFile(yaml, scannerRegistry);
    expect(a.execution.session.entriesUntil, 'YAML 1.2 keeps 14:45 a string, not sexagesimal 885').toBe('14:45');
    expect(a.scanners['vwap-cross']?.enabled).toBe(false);
    expect(a.risk.maxOpenPositions).toBe(3);
    expect(a).toEqual(loadConfigFile(json, scannerRegistry));
    expect(Object.isFrozen(a.risk)).toBe(true);
  });

  it('defaults to paper mode when the file says nothing', () => {
    expect(loadConfigFile(file('empty.yml', '# nothing yet\n'), scannerRegistry).mode).toBe('paper');
  });

  it('refuses an unknown key with its full path', () => {
    const p = file('typo.yaml', 'risk:\n  maxOpenPositons: 3\n');
    expect(issuesOf(() => loadConfigFile(p, scannerRegistry))).toEqual(['risk.maxOpenPositons: unknown key']);
  });

  it('refuses a bad value with its path and reason', () => {
    const p = file('bad.yaml', 'execution:\n  session:\n    squareOff: "25:00"\n');
    expect(issuesOf(() => loadConfigFile(p, scannerRegistry))[0]).toMatch(/^execution\.session\.squareOff: expected HH:MM/);
  });

  it('refuses stage two: an unknown scanner and params that do not parse', () => {
    const p = file('s.yaml', 'scanners:\n  no-such-scanner: {}\n');
    expect(issuesOf(() => loadConfigFile(p, scannerRegistry))[0]).toMatch(/^scanners\.no-such-scanner: unknown scanner/);
  });

  it('refuses a market day out of order', () => {
    const p = file('day.yaml', 'schedule:\n  warmUp: "09:30"\n');
    expect(issuesOf(() => loadConfigFile(p, scannerRegistry))[0]).toMatch(/^schedule: warmUp \(09:30\) must not be after open \(09:15\)/);
  });

  it('refuses broken YAML, duplicate keys and unknown file types', () => {
    expect(issuesOf(() => loadConfigFile(file('broken.yaml', 'risk: [1, 2\n'), scannerRegistry))[0]).toMatch(/^not valid YAML/);
    expect(issuesOf(() => loadConfigFile(file('dup.yaml', 'mode: paper\nmode: live\n'), scannerRegistry))[0]).toMatch(/^not valid YAML.*[Uu]nique|^not valid YAML.*duplicate/s);
    expect(issuesOf(() => loadConfigFile(file('c.toml', 'mode = "paper"'), scannerRegistry))[0]).toMatch(/unsupported config file type ".toml"/);
    expect(issuesOf(() => loadConfigFile(join(dir(), 'missing.yaml'), scannerRegistry))[0]).toMatch(/^cannot read file/);
  });

  it('refuses a YAML file that is not a mapping', () => {
    expect(issuesOf(() => loadConfigFile(file('list.yaml', '- a\n- b\n'), scannerRegistry))[0]).toMatch(/^\(root\): /);
  });
});

describe('config/trade-engine.example.yaml', () => {
  it('is a valid config', () => {
    const c = loadConfigFile(join(import.meta.dirname, '..', '..', 'config', 'trade-engine.example.yaml'), scannerRegistry);
    expect(c.mode).toBe('paper');
    expect(c.scanners['rsi-reversal']?.enabled).toBe(false);
  });
});
