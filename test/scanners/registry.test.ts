import { describe, expect, it } from 'vitest';
import { TestScheduler } from 'rxjs/testing';
import { asOperator, createScanner, getScannerDefinition, scannerRegistry } from '../../src/scanners/index.js';
import { ramp, updates } from '../support/scanner-harness.js';

describe('scanner registry', () => {
  it('knows the six built-in scanners', () => {
    expect([...scannerRegistry.keys()].sort()).toEqual(['ema-crossover', 'opening-range-breakout', 'rsi-reversal', 'supertrend', 'volume-spike', 'vwap-cross']);
  });

  it('refuses an unknown scanner by name', () => {
    expect(() => getScannerDefinition('macd')).toThrow(expect.objectContaining({ code: 'CONFIG_SCANNER_UNKNOWN', message: expect.stringContaining('"macd"') }));
  });

  it('refuses bad params with the dotted path of the bad key, and unknown keys', () => {
    expect(() => createScanner('ema-crossover', { fast: 30, slow: 20 })).toThrow(/scanners\.ema-crossover\.params\.fast: fast must be shorter than slow/);
    expect(() => createScanner('rsi-reversal', { period: 0 })).toThrow(/scanners\.rsi-reversal\.params\.period/);
    expect(() => createScanner('supertrend', { multiplyer: 2 })).toThrow(expect.objectContaining({ code: 'CONFIG_SCANNER_PARAMS' }));
  });

  it('fills every parameter with its default from {}', () => {
    expect(getScannerDefinition('ema-crossover').params.parse({})).toEqual({ fast: 9, slow: 21, atrPeriod: 14, atrStopMult: 1.5, rewardRisk: 2 });
  });
});

describe('asOperator', () => {
  it('emits the signals in input order and completes with the source', () => {
    const us = [...updates([[...ramp(40, 110, -0.25), ...ramp(30, 100.5, 0.5)]])];
    const direct = us.map((u) => createScanner('ema-crossover', {}).next(u));
    expect(direct.every((s) => s === undefined), 'fresh instances per update never fire').toBe(true);
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ cold, expectObservable }) => {
      const values = Object.fromEntries(us.map((u, i) => [String.fromCharCode(0x100 + i), u]));
      const marbles = `${Object.keys(values).join('')}|`;
      const inst = createScanner('ema-crossover', {});
      const ref = createScanner('ema-crossover', {});
      const expected: Record<string, unknown> = {};
      const out = us.map((u, i) => {
        const s = ref.next(u);
        if (s === undefined) return '-';
        expected[`s${i}`] = s;
        return 'x';
      });
      const keys = Object.keys(expected);
      expect(keys.length).toBe(1);
      const exp = `${out.join('').replace('x', 'S')}|`;
      expectObservable(cold(marbles, values).pipe(asOperator(inst))).toBe(exp, { S: expected[keys[0] ?? ''] });
    });
  });
});
