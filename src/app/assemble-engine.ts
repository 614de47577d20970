import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import { type Bar, type BrokerPort, type Clock, type Journal, OrderIdGenerator, type PlaceOutcome } from '../core/index.js';
import type { EngineConfig } from '../config/index.js';
import { OrderRouter, PositionLedger, SessionSchedule } from '../execution/index.js';
import { SimBroker } from '../execution/sim/sim-broker.js';
import { KillSwitch, type KillSwitchSnapshot, type KillSwitchTrip, RiskSession } from '../risk/index.js';
import { type ScannerInstance, createScanner } from '../scanners/index.js';
import { WindowStore } from '../state/index.js';
import { SwitchableGate } from './switchable-gate.js';
import { type BarRejectCode, Settler, buildGraph } from '../streams/index.js';

/** Enabled scanners in id order (the order they run in, and so the order of their signals within a bar). */
export const enabledScanners = (config: Readonly<EngineConfig>): ScannerInstance[] =>
  Object.entries(config.scanners)
    .filter(([, s]) => s.enabled)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, s]) => createScanner(id, s.params, `scanners.${id}.params`));

export interface EngineInputs {
  readonly config: Readonly<EngineConfig>;
  readonly bars$: Observable<Bar>;
  readonly clock: Clock;
  readonly journal: Journal;
  readonly orderIdPrefix: string;
  readonly onBarRejected: (code: BarRejectCode, bar: Bar) => void;
  /** Tracks the graph's async work; the bar source waits on it between timestamps (replay backpressure). */
  readonly settler: Settler;
  /** The kill switch changed the trading state (already applied; the graph flattens when the trip asks). */
  readonly onRiskTrip?: (t: KillSwitchTrip) => void;
  /** Wraps the broker the router sends to (timing, a breaker); the simulator itself still matches bars. */
  readonly decorateBroker?: (b: BrokerPort) => BrokerPort;
  /** A real broker (mode live): orders go to it and its fills move positions; no simulated matching. */
  readonly broker?: BrokerPort;
  /** The trading state and day P&L saved before a restart. */
  readonly killSwitch?: KillSwitchSnapshot;
}

export interface Engine {
  readonly sim: SimBroker;
  readonly ledger: PositionLedger;
  readonly router: OrderRouter;
  readonly session: SessionSchedule;
  readonly settler: Settler;
  readonly scanners$: BehaviorSubject<readonly ScannerInstance[]>;
  /** Last prices, intent history and the kill switch (its state is what an operator reads and sets). */
  readonly risk: RiskSession;
  /** The risk gate; a live config edit swaps its limits. */
  readonly gate: SwitchableGate;
  readonly windows: WindowStore;
  /** Replays saved bars through the windows and scanners (their signals discarded): a warm restart. */
  warmUp(bars: readonly Bar[]): void;
  readonly outcomes$: Observable<PlaceOutcome>;
  connectFills(): Subscription;
}

/**
 * The one graph with the simulated broker (backtest and paper alike): the same parts whether the bars come from
 * DuckDB or the live feed, and whether the clock is driven by replayed or live exchange time.
 */
export const assembleEngine = (i: EngineInputs): Engine => {
  const cfg = i.config;
  const scanners = enabledScanners(cfg);
  const settler = i.settler;
  const sim = new SimBroker({ slippageBps: cfg.execution.slippageBps, tickPaise: cfg.risk.tickPaise });
  const ledger = new PositionLedger(cfg.execution.charges);
  const venue: BrokerPort = i.broker ?? sim;
  const router = new OrderRouter(i.decorateBroker?.(venue) ?? venue, new OrderIdGenerator(i.orderIdPrefix), ledger, i.journal, i.clock, cfg.execution.entryTimeoutSeconds * 1000);
  const session = new SessionSchedule(i.clock, cfg.execution.session, () => void settler.track(router.squareOffAll()));
  const scanners$ = new BehaviorSubject<readonly ScannerInstance[]>(scanners);
  const windowBars = Math.max(cfg.replay.windowBars, ...scanners.map((s) => s.warmupBars + 1));
  const risk = new RiskSession(cfg.risk, i.killSwitch === undefined ? undefined : KillSwitch.fromSnapshot(cfg.risk.killSwitch, cfg.risk.capitalPaise, i.killSwitch));
  const windows = new WindowStore(windowBars);
  const gate = new SwitchableGate(cfg.risk);
  const graph = buildGraph({
    bars$: i.bars$, ...(i.broker === undefined ? { matcher: sim } : {}), session, windows, scanners$, gate, router, ledger,
    broker: venue, journal: i.journal, settler, clock: i.clock, onBarRejected: i.onBarRejected, risk,
    ...(i.onRiskTrip === undefined ? {} : { onRiskTrip: i.onRiskTrip }),
  });
  const warmUp = (bars: readonly Bar[]): void => {
    for (const b of bars) {
      const u = windows.push(b);
      for (const s of scanners$.value) s.next(u);
    }
  };
  return { sim, ledger, router, session, settler, scanners$, risk, gate, windows, warmUp, outcomes$: graph.outcomes$, connectFills: graph.connectFills };
};
