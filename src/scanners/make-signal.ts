import { type Side, type Signal, type WindowUpdate, paise, signalId } from '../core/index.js';

/**
 * A signal entering at the bar's close with the stop given and the target at `rewardRisk` × the risk beyond the
 * entry. Undefined when the stop is not strictly on the losing side of the entry.
 */
export const makeSignal = (scannerId: string, u: WindowUpdate, side: Side, stop: number, rewardRisk: number, confidence: number): Signal | undefined => {
  const entry = u.bar.close;
  const s = Math.round(stop);
  const risk = side === 'BUY' ? entry - s : s - entry;
  if (!(risk >= 1)) return undefined;
  const target = side === 'BUY' ? entry + Math.round(risk * rewardRisk) : entry - Math.round(risk * rewardRisk);
  if (target <= 0) return undefined;
  return {
    id: signalId(scannerId, u.bar.symbol, u.bar.endMs), scannerId, symbol: u.bar.symbol, symbolId: u.bar.symbolId, side,
    entry: u.bar.close, target: paise(target), stopLoss: paise(s), confidence: Math.max(0, Math.min(1, confidence)), atMs: u.bar.endMs,
  };
};
