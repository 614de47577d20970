export { buildGraph, type GraphParts } from './build-graph.js';
export { Settler } from './settler.js';
export { barProblem, type BarRejectCode } from './bar-problem.js';
export { barStage, type BarSteps } from './bar-stage.js';
export { gateSignals } from './gate-signals.js';
