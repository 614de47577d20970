import { type Observable, type Subscription, concatMap } from 'rxjs';
import type { Bar, BarMatcher, BrokerPort, Clock, Fill, Journal, PlaceOutcome } from '../core/index.js';
import type { OrderRouter, PositionLedger } from '../execution/index.js';
import { type KillSwitchTrip, type RiskContext, type RiskGate, RiskSession } from '../risk/index.js';
import type { ScannerInstance } from '../scanners/index.js';
import type { WindowStore } from '../state/index.js';
import type { Settler } from './settler.js';
import type { BarRejectCode } from './bar-problem.js';
import { barStage } from './bar-stage.js';
import { gateSignals } from './gate-signals.js';

/** Everything the one graph wires together. Only src/app chooses the implementations (live or replay). */
export interface GraphParts {
  readonly bars$: Observable<Bar>;
  /** The simulated broker's matching of resting orders (paper and backtest); absent for a real broker. */
  readonly matcher?: BarMatcher;
  readonly session: { observe(tMs: number): void; readonly entriesOpen: boolean };
  readonly windows: WindowStore;
  readonly scanners$: Observable<readonly ScannerInstance[]>;
  /** The gate (an app may swap its config at run time behind this shape). */
  readonly gate: Pick<RiskGate, 'evaluate' | 'config'>;
  readonly router: OrderRouter;
  readonly ledger: PositionLedger;
  readonly broker: Pick<BrokerPort, 'fills$'>;
  readonly journal: Journal;
  readonly settler: Settler;
  readonly clock: Clock;
  readonly onBarRejected: (code: BarRejectCode, bar: Bar) => void;
  readonly onFill?: (f: Fill) => void;
  /** Last prices, intent history and the kill switch the gate reads; a fresh one from the gate's config when absent. */
  readonly risk?: RiskSession;
  /** The kill switch changed the trading state (already applied; the graph flattens when the trip asks). */
  readonly onRiskTrip?: (t: KillSwitchTrip) => void;
}

/**
 * The one graph, identical for live and replay. Per bar, in order: session alerts are scheduled, the simulator
 * matches resting orders (no look-ahead), the window updates, scanners run, signals pass the risk gate, and
 * intents go to the router one at a time (concatMap, so effects keep input order). The risk session sees each
 * bar after matching and each fill after the ledger; a kill-switch halt with flatten squares everything off.
 */
export const buildGraph = (p: GraphParts): { outcomes$: Observable<PlaceOutcome>; connectFills(): Subscription } => {
  const risk = p.risk ?? new RiskSession(p.gate.config);
  const ctx: RiskContext = {
    get nowMs() { return p.clock.now(); },
    get tradingState() { return risk.tradingState; },
    get entriesOpen() { return p.session.entriesOpen; },
    isSymbolBusy: (id) => p.router.isBusy(id),
    position: (id) => p.ledger.position(id),
    get openPositions() { return p.router.busyCount; },
    get grossExposurePaise() { return p.ledger.openNotional() + p.router.workingEntryNotional(); },
    get realisedPnlPaise() { return p.ledger.realisedNetPaise; },
    lastPricePaise: (id) => risk.lastPrices.get(id),
    activity: risk.activity,
  };
  // Router work started by fills (brackets); a flatten waits for it, so no bracket is placed after the square-off.
  let fillWork: Promise<unknown> = Promise.resolve();
  const onTrip = (t: KillSwitchTrip | undefined): void => {
    if (t === undefined) return;
    p.onRiskTrip?.(t);
    if (t.flatten) void p.settler.track(fillWork.then(() => p.router.squareOffAll()));
  };
  const signals$ = p.bars$.pipe(
    barStage({
      observe: (bar) => p.session.observe(bar.endMs),
      reject: p.onBarRejected,
      beforeWindow: (bar) => {
        p.matcher?.matchBar(bar);
        onTrip(risk.onBar(bar, p.ledger));
        if (p.router.hasStaleEntries(bar.endMs)) void p.settler.track(p.router.cancelStaleEntries(bar.endMs));
      },
      window: (bar) => p.windows.push(bar),
    }, p.scanners$),
  );
  const outcomes$ = signals$.pipe(
    gateSignals(p.journal, p.gate, ctx, (intent) => risk.onIntent(intent, p.clock.now())),
    concatMap((intent): Promise<PlaceOutcome> => p.settler.track(p.router.submit(intent))),
  );
  const connectFills = (): Subscription =>
    p.broker.fills$.subscribe((f) => {
      p.ledger.applyFill(f);
      p.journal.append({ kind: 'fill', fill: f });
      p.onFill?.(f);
      const work = p.settler.track(p.router.onFill(f));
      fillWork = Promise.all([fillWork, work.catch(() => undefined)]);
      onTrip(risk.onFill(f, p.ledger));
    });
  return { outcomes$, connectFills };
};
