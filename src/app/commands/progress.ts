import { SingleBar } from 'cli-progress';

/** A progress bar on stderr when it is a terminal; otherwise nothing. */
export const progressReporter = (label: string): { update(done: number, total: number): void; stop(): void } => {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} bars | ETA {eta}s`, hideCursor: true });
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
};
