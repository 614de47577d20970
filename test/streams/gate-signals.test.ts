import { describe, expect, it, vi } from 'vitest';
import { Subject } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { type Journal, type JournalRecord, type OrderDenied, type OrderIntent, type Signal, epochMs } from '../../src/core/index.js';
import type { GateResult, RiskContext, RiskGate } from '../../src/risk/index.js';
import { gateSignals } from '../../src/streams/gate-signals.js';
import { intent, riskContext } from '../risk/risk-context.js';
import { ist, rupees } from '../support/builders.js';

const signal = (o: Partial<Signal> = {}): Signal => ({
  id: 'scn:A:1', scannerId: 'scn', symbol: 'A', symbolId: 0, side: 'BUY', entry: rupees(100), target: rupees(104), stopLoss: rupees(98),
  confidence: 0.5, atMs: epochMs(ist('10:00')), ...o,
});

const intentFor = (s: Signal): OrderIntent => intent({ signalId: s.id, scannerId: s.scannerId, symbol: s.symbol, symbolId: s.symbolId, atMs: s.atMs });
const denialFor = (s: Signal): OrderDenied => ({
  signalId: s.id, scannerId: s.scannerId, symbol: s.symbol, code: 'RISK_CAPITAL', reason: 'not enough capital', atMs: s.atMs,
});

/** A gate that denies the signals whose id is in `deny` and allows the rest with `intentFor`; it logs each call. */
const fakeGate = (deny: readonly string[], log: string[] = [], calls: [Signal, RiskContext][] = []): Pick<RiskGate, 'evaluate'> => ({
  evaluate: (s, ctx): GateResult => {
    log.push(`evaluate ${s.id}`);
    calls.push([s, ctx]);
    return deny.includes(s.id) ? { kind: 'denied', denial: denialFor(s) } : { kind: 'intent', intent: intentFor(s) };
  },
});

/** A journal that keeps its records and logs each append. */
const recordingJournal = (log: string[] = []): Pick<Journal, 'append'> & { readonly records: JournalRecord[] } => {
  const records: JournalRecord[] = [];
  return {
    records,
    append: (r) => {
      records.push(r);
      log.push(`journal ${r.kind}`);
    },
  };
};

const testScheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('gateSignals', () => {
  it('journals the signal, evaluates it, records the intent then emits it when the gate allows', () => {
    const log: string[] = [];
    const emitted: OrderIntent[] = [];
    const signals = new Subject<Signal>();
    signals.pipe(gateSignals(recordingJournal(log), fakeGate([], log), riskContext(), (i) => log.push(`onIntent ${i.signalId}`))).subscribe((i) => {
      log.push(`emit ${i.signalId}`);
      emitted.push(i);
    });
    const s = signal();
    signals.next(s);
    expect(log, 'the order activity is recorded before anything downstream sees the intent').toEqual(['journal signal', 'evaluate scn:A:1', 'onIntent scn:A:1', 'emit scn:A:1']);
    expect(emitted).toEqual([intentFor(s)]);
  });

  it('gives onIntent and the subscriber the very intent when the gate returned it', () => {
    const result = intentFor(signal());
    const gate: Pick<RiskGate, 'evaluate'> = { evaluate: () => ({ kind: 'intent', intent: result }) };
    const onIntent = vi.fn<(i: OrderIntent) => void>();
    const emitted: OrderIntent[] = [];
    const signals = new Subject<Signal>();
    signals.pipe(gateSignals(recordingJournal(), gate, riskContext(), onIntent)).subscribe((i) => emitted.push(i));
    signals.next(signal());
    expect(onIntent).toHaveBeenCalledTimes(1);
    expect(onIntent.mock.calls[0]?.[0]).toBe(result);
    expect(emitted[0], 'no copy is made on the way').toBe(result);
  });

  it('journals the signal then the denial and emits nothing when the gate denies', () => {
    const journal = recordingJournal();
    const onIntent = vi.fn<(i: OrderIntent) => void>();
    const emitted: OrderIntent[] = [];
    const signals = new Subject<Signal>();
    signals.pipe(gateSignals(journal, fakeGate(['scn:A:1']), riskContext(), onIntent)).subscribe((i) => emitted.push(i));
    const s = signal();
    signals.next(s);
    expect(journal.records).toEqual([{ kind: 'signal', signal: s }, { kind: 'denial', denial: denialFor(s) }]);
    expect(onIntent, 'a denied signal is not counted as order activity').not.toHaveBeenCalled();
    expect(emitted).toEqual([]);
  });

  it('passes each signal and the given context to the gate', () => {
    const calls: [Signal, RiskContext][] = [];
    const ctx = riskContext();
    const signals = new Subject<Signal>();
    signals.pipe(gateSignals(recordingJournal(), fakeGate([], [], calls), ctx, () => undefined)).subscribe();
    const s = signal();
    signals.next(s);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[0]).toBe(s);
    expect(calls[0]?.[1], 'the context object the operator was built with').toBe(ctx);
  });

  it('emits only the allowed intents in signal order when signals are mixed then completes with the source', () => {
    const journal = recordingJournal();
    const recorded: string[] = [];
    const [a, b, c] = [signal({ id: 'scn:A:1' }), signal({ id: 'scn:B:1', symbol: 'B', symbolId: 1 }), signal({ id: 'scn:C:1', symbol: 'C', symbolId: 2 })];
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('a-b-c|', { a, b, c });
      const out = source.pipe(gateSignals(journal, fakeGate(['scn:B:1']), riskContext(), (i) => recorded.push(i.signalId)));
      expectObservable(out).toBe('a---c|', { a: intentFor(a), c: intentFor(c) });
    });
    expect(journal.records, 'each signal is journaled before its own denial and before the next signal').toEqual([
      { kind: 'signal', signal: a },
      { kind: 'signal', signal: b }, { kind: 'denial', denial: denialFor(b) },
      { kind: 'signal', signal: c },
    ]);
    expect(recorded).toEqual(['scn:A:1', 'scn:C:1']);
  });

  it('completes without journaling when the source completes with no signals', () => {
    const journal = recordingJournal();
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold<Signal>('---|').pipe(gateSignals(journal, fakeGate([]), riskContext(), () => undefined))).toBe('---|');
    });
    expect(journal.records).toEqual([]);
  });

  it('errors with the source error when the source errors', () => {
    const a = signal();
    const boom = new Error('scanner stage broke');
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-a--#', { a }, boom);
      expectObservable(source.pipe(gateSignals(recordingJournal(), fakeGate([]), riskContext(), () => undefined))).toBe('-p--#', { p: intentFor(a) }, boom);
      expectSubscriptions(source.subscriptions).toBe('^---!');
    });
  });

  it('releases the source when the subscriber unsubscribes then journals no later signal', () => {
    const journal = recordingJournal();
    const [a, b] = [signal({ id: 'scn:A:1' }), signal({ id: 'scn:A:2' })];
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const source = hot('-a---b--|', { a, b });
      expectObservable(source.pipe(gateSignals(journal, fakeGate([]), riskContext(), () => undefined)), '^--!').toBe('-p--', { p: intentFor(a) });
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
    expect(journal.records).toEqual([{ kind: 'signal', signal: a }]);
  });

  it('errors the stream with the thrown error when the gate throws then journals no later signal', () => {
    const journal = recordingJournal();
    const boom = new Error('check bug');
    const [a, b] = [signal({ id: 'scn:A:1' }), signal({ id: 'scn:A:2' })];
    const signals = new Subject<Signal>();
    const seen: unknown[] = [];
    const gate = { evaluate: (): never => { throw boom; } };
    signals.pipe(gateSignals(journal, gate, riskContext(), () => undefined)).subscribe({ error: (e: unknown) => seen.push(e) });
    signals.next(a);
    signals.next(b);
    expect(seen, 'a bug in the gate is the crash path, not an unhandled exception').toEqual([boom]);
    expect(journal.records).toEqual([{ kind: 'signal', signal: a }]);
  });
});
