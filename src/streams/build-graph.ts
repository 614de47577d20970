import { type Observable, type Subscription, concatMap, filter, map, tap } from 'rxjs';
import type { Bar, BarMatcher, BrokerPort, Clock, Fill, Journal, PlaceOutcome } from '../core/index.js';
import type { OrderRouter, PositionLedger } from '../execution/index.js';
import type { GateResult, RiskContext, RiskGate } from '../risk/index.js';
import type { ScannerInstance } from '../scanners/index.js';
import type { WindowStore } from '../state/index.js';
import type { Settler } from './settler.js';
import { type BarRejectCode, validateBars } from './validate-bars.js';
import { runScanners } from './run-scanners.js';

/** Everything the one graph wires together. Only src/app chooses the implementations (live or replay). */
export interface GraphParts {
  readonly bars$: Observable<Bar>;
  /** The simulated broker's matching of resting orders (paper and backtest); absent for a real broker. */
  readonly matcher?: BarMatcher;
  readonly session: { observe(tMs: number): void; readonly entriesOpen: boolean };
  readonly windows: WindowStore;
  readonly scanners$: Observable<readonly ScannerInstance[]>;
  readonly gate: RiskGate;
  readonly router: OrderRouter;
  readonly ledger: PositionLedger;
  readonly broker: Pick<BrokerPort, 'fills$'>;
  readonly journal: Journal;
  readonly settler: Settler;
  readonly clock: Clock;
  readonly onBarRejected: (code: BarRejectCode, bar: Bar) => void;
  readonly onFill?: (f: Fill) => void;
}

/**
 * The one graph, identical for live and replay. Per bar, in order: session alerts are scheduled, the simulator
 * matches resting orders (no look-ahead), the window updates, scanners run, signals pass the risk gate, and
 * intents go to the router one at a time (concatMap, so effects keep input order).
 */
export const buildGraph = (p: GraphParts): { outcomes$: Observable<PlaceOutcome>; connectFills(): Subscription } => {
  const ctx: RiskContext = {
    get nowMs() { return p.clock.now(); },
    get entriesOpen() { return p.session.entriesOpen; },
    isSymbolBusy: (id) => p.router.isBusy(id),
    get openPositions() { return p.router.busyCount; },
    get marginUsedPaise() { return (p.ledger.openNotional() + p.router.workingEntryNotional()) / p.gate.config.intradayLeverage; },
  };
  const signals$ = p.bars$.pipe(
    tap((bar) => p.session.observe(bar.endMs)),
    validateBars(p.onBarRejected),
    tap((bar) => p.matcher?.matchBar(bar)),
    map((bar) => p.windows.push(bar)),
    runScanners(p.scanners$),
  );
  const outcomes$ = signals$.pipe(
    tap((signal) => p.journal.append({ kind: 'signal', signal })),
    map((signal) => p.gate.evaluate(signal, ctx)),
    tap((r) => {
      if (r.kind === 'denied') p.journal.append({ kind: 'denial', denial: r.denial });
    }),
    filter((r: GateResult): r is Extract<GateResult, { kind: 'intent' }> => r.kind === 'intent'),
    concatMap((r): Promise<PlaceOutcome> => p.settler.track(p.router.submit(r.intent))),
  );
  const connectFills = (): Subscription =>
    p.broker.fills$.subscribe((f) => {
      p.ledger.applyFill(f);
      p.journal.append({ kind: 'fill', fill: f });
      p.onFill?.(f);
      void p.settler.track(p.router.onFill(f));
    });
  return { outcomes$, connectFills };
};
