export { startDhanSim, simDefaults, type DhanSim, type DhanSimOptions } from './dhan-sim.js';
export { SimFeedServer, type SimFaults, type SimFeedOptions } from './feed-server.js';
export { simInstruments, type SimInstrument } from './sim-instruments.js';
export { PriceWalk, type Trade } from './price-walk.js';
export * from './feed-encoder.js';
export { WalkSource, type TradeSource, type WalkSourceOptions } from './trade-source.js';
export { BarTickSource, type SimBar } from './bar-tick-source.js';
