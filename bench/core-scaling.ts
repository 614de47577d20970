import { Worker } from 'node:worker_threads';

/** A plain integer loop with no memory traffic, in a worker of its own: milliseconds it took. */
const LOOP = `
const { parentPort } = require('node:worker_threads');
const t0 = performance.now();
let acc = 0;
for (let i = 0; i < 2e8; i++) acc = (acc + i * 7) | 0;
parentPort.postMessage([performance.now() - t0, acc]);
`;

const loopOn = (threads: number): Promise<number[]> => Promise.all(Array.from({ length: threads }, () => new Promise<number>((resolve, reject) => {
  const w = new Worker(LOOP, { eval: true });
  w.once('message', ([ms]: [number, number]) => {
    resolve(ms);
    void w.terminate();
  });
  w.once('error', reject);
})));

export interface LoopTimes {
  /** Milliseconds of the loop alone, and of the slower of two copies run at the same time. */
  readonly aloneMs: number;
  readonly bothMs: number;
}

/**
 * What this machine gives two threads right now: the same compute loop once alone and once on each of two threads
 * at the same time. Scaling = 2 × alone / both: 2.0 when the second core is free, less when the VM's second core
 * is shared with other work. Printed beside the sweep figures so a low speed-up can be read against the machine.
 */
export const timeLoops = async (): Promise<LoopTimes> => {
  const [alone] = await loopOn(1);
  const both = await loopOn(2);
  return { aloneMs: alone as number, bothMs: Math.max(...both) };
};
