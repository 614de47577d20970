import { type Paise, type Side, paise } from '../core/index.js';

const up = (p: number, tick: number): number => Math.ceil(p / tick) * tick;
const down = (p: number, tick: number): number => Math.floor(p / tick) * tick;

/**
 * A signal's stop and target onto the tick, each rounded toward the entry: the stop never adds risk beyond what
 * was sized, and the target is never further than the scanner asked.
 */
export const bracketOnTick = (side: Side, stopLoss: number, target: number, tickPaise: number): { stopLoss: Paise; target: Paise } =>
  side === 'BUY'
    ? { stopLoss: paise(up(stopLoss, tickPaise)), target: paise(down(target, tickPaise)) }
    : { stopLoss: paise(down(stopLoss, tickPaise)), target: paise(up(target, tickPaise)) };

