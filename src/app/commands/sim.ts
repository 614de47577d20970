import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { LiveClock } from '../../core/index.js';
import { simDefaults, startDhanSim } from '../../sim/index.js';
import { dateOption, intOption } from './options.js';
import { loadBarTickSource } from './sim-bars.js';
import { untilSignal } from './until-signal.js';

interface SimCliOptions {
  readonly port: number; readonly host: string; readonly symbols: number; readonly seed: number; readonly speed: number;
  readonly start?: string; readonly token?: string; readonly writeInstruments?: string; readonly db?: string; readonly from?: string; readonly to?: string;
  readonly latencyMs?: number; readonly refuseStatus?: number; readonly authReason?: number; readonly noPings?: boolean;
}

const parseStart = (v: string): number => {
  const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(v) ? v : `${v}+05:30`);
  if (Number.isNaN(t)) throw new Error(`--start: expected an IST date-time like 2025-01-06T09:15, got ${v}`);
  return t;
};

export const registerSimCommand = (program: Command): void => {
  program.command('sim')
    .description("a local Dhan: the v2 binary market feed (seeded random walk, or stored bars as ticks) with Dhan's limits and fault injection on /control")
    .option('--port <n>', 'port (0 = any free port)', intOption('--port', 0), 8901)
    .option('--host <addr>', 'address to bind (keep it loopback)', '127.0.0.1')
    .option('--symbols <n>', 'instruments SIM0001… with SecurityIds from 10001', intOption('--symbols', 1), 50)
    .option('--seed <n>', 'seed of the random walk', intOption('--seed', 0), 42)
    .option('--speed <x>', 'exchange seconds per wall second', Number, 1)
    .option('--start <datetime>', 'exchange time at start, IST (default: now)')
    .option('--db <file>', 'replay the bars of this DuckDB file as ticks (four per bar) instead of the random walk')
    .option('--from <date>', 'with --db: first trading date', dateOption)
    .option('--to <date>', 'with --db: last trading date', dateOption)
    .option('--token <token>', 'the only access token accepted (default: any)')
    .option('--write-instruments <file>', "write the instrument list as JSON for the daemon's feed.instrumentsFile")
    .option('--latency-ms <n>', 'fault: delay every packet', intOption('--latency-ms', 0))
    .option('--refuse-status <n>', 'fault: answer handshakes with this HTTP status (429 = blocked)', intOption('--refuse-status', 100))
    .option('--auth-reason <n>', 'fault: disconnect every new connection with this reason (807 = token expired)', intOption('--auth-reason', 800))
    .option('--no-pings', 'fault: neither send nor answer pings')
    .action(async (o: SimCliOptions & { pings?: boolean }) => {
      const clock = new LiveClock();
      const source = o.db === undefined ? undefined : await loadBarTickSource({ db: o.db, from: o.from, to: o.to, now: () => clock.now() });
      const startMs = o.start !== undefined ? parseStart(o.start) : source !== undefined ? source.firstMs : clock.now();
      const sim = await startDhanSim({
        ...simDefaults(clock), host: o.host, port: o.port, symbols: o.symbols, seed: o.seed, speed: o.speed, startMs,
        ...(o.token === undefined ? {} : { token: o.token }), ...(source === undefined ? {} : { source }),
      });
      if (o.latencyMs !== undefined) sim.feed.faults.latencyMs = o.latencyMs;
      if (o.refuseStatus !== undefined) sim.feed.faults.refuseStatus = o.refuseStatus;
      if (o.authReason !== undefined) sim.feed.faults.authReason = o.authReason;
      if (o.pings === false) sim.feed.faults.noPings = true;
      if (o.writeInstruments !== undefined) {
        writeFileSync(o.writeInstruments, `${JSON.stringify(sim.instruments.map(({ symbol, securityId, exchangeSegment }) => ({ symbol, securityId, exchangeSegment })), null, 2)}\n`);
      }
      process.stdout.write(`dhan simulator: feed ${sim.feedUrl}  rest ${sim.apiUrl}  order-update ${sim.orderUpdateUrl}  control ${sim.controlUrl}  (${sim.instruments.length} instruments, speed ${o.speed}x)\n`);
      await untilSignal();
      await sim.close();
    });
};
