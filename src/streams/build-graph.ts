import { type Observable, type Subscription, concatMap } from 'rxjs';
import type { Bar, BarMatcher, BrokerPort, Clock, Fill, Journal, PlaceOutcome, WindowUpdate } from '../core/index.js';
import type { OrderRouter, PositionLedger } from '../execution/index.js';
import { type KillSwitchTrip, type RiskContext, type RiskGate, RiskSession } from '../risk/index.js';
import type { ScannerInstance } from '../scanners/index.js';
import type { WindowStore } from '../state/index.js';
import type { Settler } from './settler.js';
import type { BarRejectCode } from './bar-problem.js';
import { type BarSteps, barStage } from './bar-stage.js';
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
  const steps = new GraphSteps(p, risk);
  const signals$ = p.bars$.pipe(barStage(steps, p.scanners$));
  const outcomes$ = signals$.pipe(
    gateSignals(p.journal, p.gate, new GraphRiskContext(p, risk), (intent) => risk.onIntent(intent, p.clock.now())),
    concatMap((intent): Promise<PlaceOutcome> => p.settler.track(p.router.submit(intent))),
  );
  return { outcomes$, connectFills: () => p.broker.fills$.subscribe((f) => steps.fill(f)) };
};

/*
 * Code that runs per bar, per signal or per fill is written as classes, not closures made per graph (here the steps
 * and the risk context; also the scanners, risk checks, the timed broker and a replay's hooks). V8 keeps a
 * closure's optimised code only while a closure of that run is alive: after a full GC, the next run's closures
 * start over in the interpreter and are compiled again. A sweep thread builds a graph per replay, so it recompiled
 * the engine every few replays (11 ms of compiler time per 40-ms replay by --trace-opt, on V8's helper threads);
 * a class's methods keep their code for the life of the process.
 */

/** What the risk checks read: live views of the router, the ledger and the risk session. */
class GraphRiskContext implements RiskContext {
  constructor(private readonly p: GraphParts, private readonly risk: RiskSession) {}

  get nowMs(): number {
    return this.p.clock.now();
  }

  get tradingState(): RiskContext['tradingState'] {
    return this.risk.tradingState;
  }

  get entriesOpen(): boolean {
    return this.p.session.entriesOpen;
  }

  isSymbolBusy(id: number): boolean {
    return this.p.router.isBusy(id);
  }

  position(id: number): ReturnType<RiskContext['position']> {
    return this.p.ledger.position(id);
  }

  get openPositions(): number {
    return this.p.router.busyCount;
  }

  get grossExposurePaise(): number {
    return this.p.ledger.openNotional() + this.p.router.workingEntryNotional();
  }

  get realisedPnlPaise(): number {
    return this.p.ledger.realisedNetPaise;
  }

  lastPricePaise(id: number): number | undefined {
    return this.risk.lastPrices.get(id);
  }

  get activity(): RiskContext['activity'] {
    return this.risk.activity;
  }
}

/** The graph's steps for each bar (BarSteps) and each fill. */
class GraphSteps implements BarSteps {
  /** Router work started by fills (brackets); a flatten waits for it, so no bracket is placed after the square-off. */
  #fillWork: Promise<unknown> = Promise.resolve();

  constructor(private readonly p: GraphParts, private readonly risk: RiskSession) {}

  observe(bar: Bar): void {
    this.p.session.observe(bar.endMs);
  }

  reject(code: BarRejectCode, bar: Bar): void {
    this.p.onBarRejected(code, bar);
  }

  beforeWindow(bar: Bar): void {
    const p = this.p;
    p.matcher?.matchBar(bar);
    this.#onTrip(this.risk.onBar(bar, p.ledger));
    if (p.router.hasStaleEntries(bar.endMs)) void p.settler.track(p.router.cancelStaleEntries(bar.endMs));
  }

  window(bar: Bar): WindowUpdate {
    return this.p.windows.push(bar);
  }

  fill(f: Fill): void {
    const p = this.p;
    p.ledger.applyFill(f);
    p.journal.append({ kind: 'fill', fill: f });
    p.onFill?.(f);
    const work = p.settler.track(p.router.onFill(f));
    this.#fillWork = Promise.all([this.#fillWork, work.catch(() => undefined)]);
    this.#onTrip(this.risk.onFill(f, p.ledger));
  }

  #onTrip(t: KillSwitchTrip | undefined): void {
    if (t === undefined) return;
    const p = this.p;
    p.onRiskTrip?.(t);
    if (t.flatten) void p.settler.track(this.#fillWork.then(() => p.router.squareOffAll()));
  }
}
