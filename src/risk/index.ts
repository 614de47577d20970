export { riskConfigSchema, type RiskConfig } from './config.js';
export { RiskGate, type GateResult } from './risk-gate.js';
export type { RiskCheck, RiskContext, RiskDecision, RiskDenyCode } from './risk-check.js';
export { positionSize } from './position-sizing.js';
