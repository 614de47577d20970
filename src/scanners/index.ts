export { asOperator, type ScannerDefinition, type ScannerInstance } from './scanner.js';
export { scannerRegistry, getScannerDefinition, createScanner } from './registry.js';
export { ScannerConfigError, type ScannerConfigCode } from './errors.js';
export { openingRangeBreakout } from './opening-range-breakout.js';
export { vwapCross } from './vwap-cross.js';
export { emaCrossover } from './ema-crossover.js';
export { rsiReversal } from './rsi-reversal.js';
export { volumeSpike } from './volume-spike.js';
export { supertrend } from './supertrend.js';
