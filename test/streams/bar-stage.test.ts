import { describe, expect, it } from 'vitest';
import { BehaviorSubject, Observable, Subject, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { type Bar, type Signal, type WindowUpdate, paise, signalId } from '../../src/core/index.js';
import type { ScannerInstance } from '../../src/scanners/index.js';
import { WindowStore } from '../../src/state/index.js';
import type { BarRejectCode } from '../../src/streams/bar-problem.js';
import { type BarSteps, barStage } from '../../src/streams/bar-stage.js';
import { bar } from '../support/builders.js';

/** A valid one-minute bar; the symbol doubles as the bar's label in the step log. */
const valid = (symbol: string, start = '10:00'): Bar => bar({ start, symbol, o: 100, h: 101, l: 99, c: 100.5 });

/** The signal a fake scanner proposes on a bar: deterministic, so the expected value is built the same way. */
const signalOn = (scannerId: string, b: Bar): Signal => ({
  id: signalId(scannerId, b.symbol, b.endMs), scannerId, symbol: b.symbol, symbolId: b.symbolId, side: 'BUY',
  entry: b.close, target: paise(b.close + 200), stopLoss: paise(b.close - 100), confidence: 0.5, atMs: b.endMs,
});

/** Steps that record every call, in order, into `log`; the window is a real WindowStore. */
const recordingSteps = (log: string[], updates: WindowUpdate[] = []): BarSteps => {
  const windows = new WindowStore(50);
  return {
    observe: (b) => log.push(`observe ${b.symbol}`),
    reject: (code, b) => log.push(`reject ${code} ${b.symbol}`),
    beforeWindow: (b) => log.push(`beforeWindow ${b.symbol}`),
    window: (b) => {
      log.push(`window ${b.symbol}`);
      const u = windows.push(b);
      updates.push(u);
      return u;
    },
  };
};

/** A scanner that logs each update it sees and fires when `fires` says so. */
const scanner = (id: string, log: string[], fires: (u: WindowUpdate, seen: number) => boolean = () => true): ScannerInstance => {
  let seen = 0;
  return {
    id, warmupBars: 0,
    next: (u) => {
      seen++;
      log.push(`${id} ${u.bar.symbol}`);
      return fires(u, seen) ? signalOn(id, u.bar) : undefined;
    },
  };
};

const testScheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('barStage', () => {
  it('runs observe, beforeWindow, window then each scanner in order when bars are valid', () => {
    const log: string[] = [];
    const bars = new Subject<Bar>();
    bars.pipe(barStage(recordingSteps(log), new BehaviorSubject([scanner('s1', log), scanner('s2', log)]))).subscribe();
    bars.next(valid('A'));
    bars.next(valid('B'));
    expect(log, 'every step of one bar runs before the next bar starts').toEqual([
      'observe A', 'beforeWindow A', 'window A', 's1 A', 's2 A',
      'observe B', 'beforeWindow B', 'window B', 's1 B', 's2 B',
    ]);
  });

  it('passes each scanner the update when the window returned it', () => {
    const log: string[] = [];
    const updates: WindowUpdate[] = [];
    const seen: WindowUpdate[] = [];
    const s: ScannerInstance = { id: 'spy', warmupBars: 0, next: (u) => void seen.push(u) };
    const bars = new Subject<Bar>();
    bars.pipe(barStage(recordingSteps(log, updates), new BehaviorSubject([s]))).subscribe();
    bars.next(valid('A'));
    bars.next(valid('A', '10:01'));
    expect(seen, 'the scanner gets the very object the window step returned').toHaveLength(2);
    expect(seen[0]).toBe(updates[0]);
    expect(seen[1]).toBe(updates[1]);
    expect(seen[1]?.window.length, 'the window already includes the second bar').toBe(2);
  });

  const invalid: [string, Bar, BarRejectCode][] = [
    ['the low is zero', bar({ start: '10:00', symbol: 'X', o: 1, h: 1, l: 0, c: 1 }), 'BAR_NON_POSITIVE_PRICE'],
    ['the high is below the low', bar({ start: '10:00', symbol: 'X', o: 100, h: 99, l: 101, c: 100 }), 'BAR_HIGH_BELOW_LOW'],
    ['the open is above the high', bar({ start: '10:00', symbol: 'X', o: 102, h: 101, l: 99, c: 100 }), 'BAR_OPEN_CLOSE_OUTSIDE_RANGE'],
    ['the close is below the low', bar({ start: '10:00', symbol: 'X', o: 100, h: 101, l: 99, c: 98 }), 'BAR_OPEN_CLOSE_OUTSIDE_RANGE'],
    ['the volume is negative', bar({ start: '10:00', symbol: 'X', o: 100, h: 101, l: 99, c: 100, v: -1 }), 'BAR_NEGATIVE_VOLUME'],
    ['the volume is NaN', bar({ start: '10:00', symbol: 'X', o: 100, h: 101, l: 99, c: 100, v: Number.NaN }), 'BAR_NEGATIVE_VOLUME'],
    ['the bar ends when it starts', { ...valid('X'), endMs: valid('X').startMs }, 'BAR_BAD_TIME'],
  ];

  it.each(invalid)('rejects the bar when %s then it goes no further than observe', (_, b, code) => {
    const log: string[] = [];
    const signals: Signal[] = [];
    const bars = new Subject<Bar>();
    bars.pipe(barStage(recordingSteps(log), new BehaviorSubject([scanner('s1', log)]))).subscribe((s) => signals.push(s));
    bars.next(b);
    expect(log, 'observed first, then rejected with its code; no match, window or scanner').toEqual(['observe X', `reject ${code} X`]);
    expect(signals).toEqual([]);
  });

  it('keeps going when an invalid bar is followed by a valid one', () => {
    const log: string[] = [];
    const signals: Signal[] = [];
    const bars = new Subject<Bar>();
    bars.pipe(barStage(recordingSteps(log), new BehaviorSubject([scanner('s1', log)]))).subscribe((s) => signals.push(s));
    bars.next(bar({ start: '10:00', symbol: 'X', o: 100, h: 99, l: 101, c: 100 }));
    bars.next(valid('A', '10:01'));
    expect(log).toEqual(['observe X', 'reject BAR_HIGH_BELOW_LOW X', 'observe A', 'beforeWindow A', 'window A', 's1 A']);
    expect(signals, 'a rejected bar does not end the stream').toEqual([signalOn('s1', valid('A', '10:01'))]);
  });

  it('observes and windows valid bars but emits nothing when scanners$ has not emitted yet', () => {
    const log: string[] = [];
    const signals: Signal[] = [];
    const bars = new Subject<Bar>();
    bars.pipe(barStage(recordingSteps(log), new Subject<readonly ScannerInstance[]>())).subscribe((s) => signals.push(s));
    bars.next(valid('A'));
    expect(log, 'the session, simulator and window still see the bar').toEqual(['observe A', 'beforeWindow A', 'window A']);
    expect(signals).toEqual([]);
  });

  it('emits the signals in scanner order per bar when several fire, skipping undefined', () => {
    const log: string[] = [];
    const a = valid('A');
    const b = valid('B', '10:01');
    const scanners = [scanner('s1', log), scanner('s2', log, (u) => u.bar.symbol === 'B'), scanner('s3', log)];
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('-a----b----|', { a, b });
      const scanners$ = cold('s', { s: scanners });
      expectObservable(source.pipe(barStage(recordingSteps(log), scanners$))).toBe('-(pq)-(rst)|', {
        p: signalOn('s1', a), q: signalOn('s3', a),
        r: signalOn('s1', b), s: signalOn('s2', b), t: signalOn('s3', b),
      });
    });
  });

  it('uses the new scanner set from the next bar on when scanners$ emits mid-stream', () => {
    const log: string[] = [];
    const [x, y, z] = [valid('X'), valid('Y', '10:01'), valid('Z', '10:02')];
    const s1 = scanner('s1', log);
    const s2 = scanner('s2', log);
    testScheduler().run(({ hot, expectObservable }) => {
      const scanners$ = hot('-a----b-----c-', { a: [s1], b: [s2], c: [s2, s1] });
      const source = hot('---x-----y----(z|)', { x, y, z });
      expectObservable(source.pipe(barStage(recordingSteps(log), scanners$))).toBe('---p-----q----(rs|)', {
        p: signalOn('s1', x), q: signalOn('s2', y), r: signalOn('s2', z), s: signalOn('s1', z),
      });
    });
    expect(log.filter((l) => l.startsWith('s')), 'a scanner left out of the set sees no bars').toEqual(['s1 X', 's2 Y', 's2 Z', 's1 Z']);
  });

  it('keeps a scanner\'s state when it stays enabled across a swap', () => {
    const log: string[] = [];
    const signals: Signal[] = [];
    const second = scanner('second', log, (_, seen) => seen === 2);
    const other = scanner('other', log);
    const scanners$ = new BehaviorSubject<readonly ScannerInstance[]>([second]);
    const bars = new Subject<Bar>();
    bars.pipe(barStage(recordingSteps(log), scanners$)).subscribe((s) => signals.push(s));
    bars.next(valid('A'));
    scanners$.next([other, second]);
    bars.next(valid('B', '10:01'));
    expect(signals, 'the same instance fires on its second update, after the scanner listed before it').toEqual([
      signalOn('other', valid('B', '10:01')), signalOn('second', valid('B', '10:01')),
    ]);
  });

  it('runs no scanner when the set is swapped to empty', () => {
    const log: string[] = [];
    const signals: Signal[] = [];
    const scanners$ = new BehaviorSubject<readonly ScannerInstance[]>([scanner('s1', log)]);
    const bars = new Subject<Bar>();
    bars.pipe(barStage(recordingSteps(log), scanners$)).subscribe((s) => signals.push(s));
    scanners$.next([]);
    bars.next(valid('A'));
    expect(log).toEqual(['observe A', 'beforeWindow A', 'window A']);
    expect(signals).toEqual([]);
  });

  it('keeps the last scanner set when scanners$ completes then still completes with the source', () => {
    const log: string[] = [];
    const a = valid('A');
    const s1 = scanner('s1', log);
    testScheduler().run(({ hot, expectObservable }) => {
      const scanners$ = hot('-s|', { s: [s1] });
      const source = hot('----a--|', { a });
      expectObservable(source.pipe(barStage(recordingSteps(log), scanners$))).toBe('----p--|', { p: signalOn('s1', a) });
    });
  });

  it('completes when the source completes then releases both subscriptions', () => {
    const log: string[] = [];
    const a = valid('A');
    testScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const scanners$ = hot('-s-------', { s: [scanner('s1', log)] });
      const source = cold('--a--|', { a });
      expectObservable(source.pipe(barStage(recordingSteps(log), scanners$))).toBe('--p--|', { p: signalOn('s1', a) });
      expectSubscriptions(source.subscriptions).toBe('^----!');
      expectSubscriptions(scanners$.subscriptions).toBe('^----!');
    });
  });

  it('errors with the source error when the source errors then releases scanners$', () => {
    const log: string[] = [];
    const a = valid('A');
    const boom = new Error('feed broke');
    testScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const scanners$ = hot('s--------', { s: [scanner('s1', log)] });
      const source = cold('-a--#', { a }, boom);
      expectObservable(source.pipe(barStage(recordingSteps(log), scanners$))).toBe('-p--#', { p: signalOn('s1', a) }, boom);
      expectSubscriptions(scanners$.subscriptions).toBe('^---!');
    });
  });

  it('errors with the scanners$ error when scanners$ errors then stops taking bars', () => {
    const log: string[] = [];
    const [a, b] = [valid('A'), valid('B', '10:01')];
    const boom = new Error('config broke');
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const scanners$ = hot('s--#', { s: [scanner('s1', log)] }, boom);
      const source = hot('-a----b--|', { a, b });
      expectObservable(source.pipe(barStage(recordingSteps(log), scanners$))).toBe('-p-#', { p: signalOn('s1', a) }, boom);
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
    expect(log, 'the bar after the error is not observed').not.toContain('observe B');
  });

  it('releases the source and scanners$ when the subscriber unsubscribes then steps see no later bar', () => {
    const log: string[] = [];
    const [a, b] = [valid('A'), valid('B', '10:01')];
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const scanners$ = hot('s-------', { s: [scanner('s1', log)] });
      const source = hot('-a---b--|', { a, b });
      expectObservable(source.pipe(barStage(recordingSteps(log), scanners$)), '^--!').toBe('-p--', { p: signalOn('s1', a) });
      expectSubscriptions(source.subscriptions).toBe('^--!');
      expectSubscriptions(scanners$.subscriptions).toBe('^--!');
    });
    expect(log).toEqual(['observe A', 'beforeWindow A', 'window A', 's1 A']);
  });

  it('errors the stream with the thrown error when a step throws then takes no later bar', () => {
    const log: string[] = [];
    const boom = new Error('matcher bug');
    const steps = { ...recordingSteps(log), beforeWindow: (b: Bar) => { if (b.symbol === 'B') throw boom; log.push(`beforeWindow ${b.symbol}`); } };
    const bars = new Subject<Bar>();
    const seen: unknown[] = [];
    bars.pipe(barStage(steps, new BehaviorSubject([scanner('s1', log)]))).subscribe({ error: (e: unknown) => seen.push(e) });
    bars.next(valid('A'));
    bars.next(valid('B', '10:01'));
    bars.next(valid('C', '10:02'));
    expect(seen, 'a bug in a step is the crash path, not an unhandled exception').toEqual([boom]);
    expect(log, 'the bar after the failure is not observed').not.toContain('observe C');
  });

  it('never subscribes to the source when scanners$ errors at once', () => {
    const log: string[] = [];
    const boom = new Error('bad config');
    let subscribed = 0;
    const source = new Observable<Bar>((sub) => {
      subscribed++;
      sub.next(valid('A'));
    });
    const seen: unknown[] = [];
    source.pipe(barStage(recordingSteps(log), throwError(() => boom))).subscribe({ error: (e: unknown) => seen.push(e) });
    expect(seen).toEqual([boom]);
    expect(subscribed, 'no bar is taken for an output that already failed').toBe(0);
    expect(log).toEqual([]);
  });
});
