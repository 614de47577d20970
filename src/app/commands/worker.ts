import type { Command } from 'commander';
import { startQueueWorker } from '../../sweep/index.js';
import { intOption } from './options.js';
import { REPLAY_MODULE } from './sweep.js';

export interface WorkerCliOptions {
  readonly queue: string;
  readonly db: string;
  readonly queueName?: string;
  readonly concurrency?: number;
  readonly lockMs?: number;
  readonly stalledMs?: number;
}

export const registerWorkerCommand = (program: Command): void => {
  program.command('worker')
    .description('sweep worker: run replay jobs from a BullMQ queue (any number of processes and machines) until SIGINT/SIGTERM')
    .requiredOption('--queue <url>', 'Redis URL of the queue (redis://HOST:PORT)')
    .requiredOption('--db <file>', 'DuckDB file with the same market_data as the sweep (opened read-only per job)')
    .option('--queue-name <name>', 'BullMQ queue name (default trade-engine-sweep)')
    .option('--concurrency <n>', 'replays at once, one worker thread each (default 1)', intOption('--concurrency', 1))
    .option('--lock-ms <ms>', 'job lock duration: a dead worker\'s job goes to another worker after this long (default 30000)', intOption('--lock-ms', 100))
    .option('--stalled-ms <ms>', 'how often to look for stalled jobs of dead workers (default 30000)', intOption('--stalled-ms', 100))
    .action(async (o: WorkerCliOptions) => {
      const log = (line: string): void => void process.stderr.write(`worker ${process.pid}: ${line}\n`);
      const w = await startQueueWorker({
        url: o.queue, db: o.db, replayModule: REPLAY_MODULE, queueName: o.queueName, concurrency: o.concurrency, lockMs: o.lockMs, stalledMs: o.stalledMs, log,
      });
      log(`ready on ${o.queue}`);
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      log('stopping');
      await w.close();
    });
};
