import type { Bar, Journal, JournalRecord, ReplayClock } from '../core/index.js';
import type { ReplayHooks } from '../replay/index.js';
import type { Settler } from '../streams/index.js';
import type { RunTelemetry } from './run-telemetry.js';

/* A replay's per-bar hooks and its journal tap are classes, not closures made per run (see build-graph.ts). */

/** The bar source's hooks in a replay: the clock follows bar time, bars wait for the graph to settle, bars are timed. */
export class ReplayRunHooks implements ReplayHooks {
  /** Close time of the latest bar handed out. */
  lastEndMs = 0;

  constructor(
    private readonly clock: ReplayClock,
    private readonly settler: Settler,
    private readonly telemetry: RunTelemetry,
    readonly onProgress?: (barsDone: number) => void,
  ) {}

  advanceTo(tMs: number): void {
    this.clock.advanceTo(tMs);
    this.lastEndMs = tMs;
  }

  settle(): Promise<void> | undefined {
    return this.settler.idle();
  }

  emit(deliver: (bar: Bar) => void, bar: Bar): void {
    this.telemetry.barIn(undefined, deliver, bar);
  }
}

/** The run's journal, with every record shown to the telemetry first (signal latencies, counts). */
export class TelemetryJournal implements Journal {
  constructor(private readonly telemetry: RunTelemetry, private readonly journal: Journal) {}

  append(r: JournalRecord): void {
    this.telemetry.onRecord(r);
    this.journal.append(r);
  }

  flush(): Promise<void> {
    return this.journal.flush();
  }
}
