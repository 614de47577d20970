export { buildGraph, type GraphParts } from './build-graph.js';
export { Settler } from './settler.js';
export { validateBars, barProblem, type BarRejectCode } from './validate-bars.js';
export { runScanners } from './run-scanners.js';
