import { type Paise, type Side, paise } from '../core/index.js';

/**
 * A signal's stop and target onto the tick, each rounded toward the entry: the stop never adds risk beyond what
 * was sized, and the target is never further than the scanner asked.
 */
export const bracketOnTick = (side: Side, stopLoss: number, target: number, tickPaise: number): { stopLoss: Paise; target: Paise } => {
  const up = (p: number) => Math.ceil(p / tickPaise) * tickPaise;
  const down = (p: number) => Math.floor(p / tickPaise) * tickPaise;
  return side === 'BUY' ? { stopLoss: paise(up(stopLoss)), target: paise(down(target)) } : { stopLoss: paise(down(stopLoss)), target: paise(up(target)) };
};
