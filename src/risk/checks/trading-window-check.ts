import { ALLOW, type RiskCheck, deny } from '../risk-check.js';

/** Entries only while the session schedule has entries open (09:20-15:00 IST by default). */
export const tradingWindowCheck: RiskCheck = {
  id: 'RISK_TRADING_WINDOW',
  check: (_intent, ctx) => (ctx.entriesOpen ? ALLOW : deny('RISK_TRADING_WINDOW', 'outside the entry window')),
};
