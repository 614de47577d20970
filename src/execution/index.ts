export { executionConfigSchema, type ExecutionConfig } from './config.js';
export { OrderRouter } from './order-router.js';
export { PositionLedger } from './position-ledger.js';
export { SessionSchedule, type SessionPhase, type SessionTimes } from './session-schedule.js';
export { entryOrder, bracketOrders, squareOffOrder } from './intent-to-order.js';
export type { TradeRecord, ExitReason } from './trade-record.js';
export { computeCharges, addCharges, zeroCharges, type Charges } from './charges.js';
export { chargeRatesSchema, defaultChargeRates, type ChargeRates } from './charges-config.js';
