import { Command, CommanderError } from 'commander';
import { isEngineError } from '../core/index.js';
import { registerDataCommands } from './commands/data.js';
import { registerIngestCommand } from './commands/ingest.js';
import { registerReplayCommand } from './commands/replay.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerLiveCommand } from './commands/live.js';
import { registerSimCommand } from './commands/sim.js';
import { registerRiskCommand } from './commands/risk.js';
import { registerScannersCommand } from './commands/scanners.js';
import { registerReportCommand } from './commands/report.js';
import { registerOrdersCommand } from './commands/orders.js';
import { registerSweepCommand } from './commands/sweep.js';
import { registerWorkerCommand } from './commands/worker.js';
import { registerConfigCommands } from './commands/config-check.js';

export const buildProgram = (): Command => {
  const program = new Command('trade-engine')
    .description('NSE intraday trading engine for Dhan: live daemon and deterministic DuckDB replay backtests')
    .showHelpAfterError()
    .exitOverride();
  registerDataCommands(program);
  registerIngestCommand(program);
  registerReplayCommand(program);
  registerDemoCommand(program);
  registerSimCommand(program);
  registerLiveCommand(program);
  registerRiskCommand(program);
  registerScannersCommand(program);
  registerReportCommand(program);
  registerOrdersCommand(program);
  registerSweepCommand(program);
  registerWorkerCommand(program);
  registerConfigCommands(program);
  return program;
};

/** Runs the CLI; returns the exit code. Expected failures print one clear line, never a stack. */
export const runCli = async (argv: readonly string[]): Promise<number> => {
  try {
    await buildProgram().parseAsync([...argv]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (isEngineError(e)) {
      process.stderr.write(`trade-engine: ${e.message} [${e.code}]\n`);
      return 2;
    }
    process.stderr.write(`trade-engine: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
};
