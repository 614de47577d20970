import { describe, expect, it } from 'vitest';
import type { EpochMs, Fill, JournalRecord, Paise, Qty, Signal } from '../../src/core/index.js';
import { RunDigest } from '../../src/replay/run-digest.js';

const signal = (over: Partial<Signal> = {}): Signal => ({
  id: 'ema:INFY:1', scannerId: 'ema', symbol: 'INFY', symbolId: 3, side: 'BUY', entry: 150_000 as Paise, target: 153_000 as Paise,
  stopLoss: 148_500 as Paise, confidence: 0.625, atMs: 1_736_135_160_000 as EpochMs, ...over,
});
const fill: Fill = {
  fillId: 'f1', clientOrderId: 'BT-1', brokerOrderId: 'SIM-1', symbol: 'INFY', symbolId: 3, side: 'BUY', qty: 10 as Qty, price: 150_050 as Paise,
  atMs: 1_736_135_220_000 as EpochMs, purpose: 'ENTRY', scannerId: 'ema', signalId: 'ema:INFY:1',
};

const digest = (records: readonly JournalRecord[]): string => {
  const d = new RunDigest();
  for (const r of records) d.add(r);
  return d.hex();
};
const sig = (over: Partial<Signal> = {}): JournalRecord => ({ kind: 'signal', signal: signal(over) });

describe('RunDigest', () => {
  const base = [sig(), sig({ scannerId: 'rsi', symbol: 'TCS', symbolId: 7, side: 'SELL' }), { kind: 'fill', fill } as const];

  it('is the same for the same journal, and reading it twice changes nothing', () => {
    const d = new RunDigest();
    for (const r of base) d.add(r);
    expect(d.hex()).toBe(digest(base));
    expect(d.hex()).toBe(digest(base));
    expect(d.records).toBe(3);
  });

  it('changes with every signal field, the order of records, and a fill', () => {
    const ref = digest(base);
    const variants: Partial<Signal>[] = [
      { scannerId: 'vwap' }, { symbol: 'WIPRO' }, { side: 'SELL' }, { entry: 150_005 as Paise }, { target: 153_005 as Paise },
      { stopLoss: 148_505 as Paise }, { confidence: 0.6250001 }, { atMs: 1_736_135_220_000 as EpochMs },
    ];
    const seen = new Set([ref]);
    for (const v of variants) {
      const h = digest([sig(v), ...base.slice(1)]);
      expect(seen.has(h), JSON.stringify(v)).toBe(false);
      seen.add(h);
    }
    expect(digest([base[1], base[0], base[2]] as JournalRecord[])).not.toBe(ref);
    expect(digest(base.slice(0, 2))).not.toBe(ref);
    expect(digest([...base.slice(0, 2), { kind: 'fill', fill: { ...fill, price: 150_055 as Paise } }])).not.toBe(ref);
  });

  it('depends on names, not on the symbol table of the run (symbolId)', () => {
    expect(digest([sig({ symbolId: 99 }), ...base.slice(1)])).toBe(digest(base));
  });

  it('ignores denials and keeps digesting past its buffer', () => {
    const many = Array.from({ length: 5000 }, (_, i) => sig({ atMs: (1_736_135_160_000 + i * 60_000) as EpochMs }));
    const denial: JournalRecord = { kind: 'denial', denial: { signalId: 'x', scannerId: 'ema', symbol: 'INFY', code: 'RISK_CAPITAL', reason: 'r', atMs: 1 as EpochMs } };
    expect(digest([...many.slice(0, 2500), denial, ...many.slice(2500)])).toBe(digest(many));
    expect(digest(many)).not.toBe(digest([...many.slice(0, 4999), sig({ atMs: 1 as EpochMs })]));
  });
});
