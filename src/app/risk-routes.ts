import type { TradingState } from '../risk/index.js';
import type { Engine } from './assemble-engine.js';
import type { ControlRoute } from './daemon-http.js';

const ACTIONS: Readonly<Record<string, TradingState>> = { halt: 'HALTED', reduce: 'REDUCING', resume: 'ACTIVE' };

const status = (e: Engine) => ({
  state: e.risk.tradingState, reason: e.risk.killSwitch.reason, dayPnlRupees: e.risk.killSwitch.dayPnlPaise / 100,
  peakPnlRupees: e.risk.killSwitch.peakPnlPaise / 100, consecutiveLosses: e.risk.killSwitch.consecutiveLosses, openPositions: e.ledger.openCount,
});

/**
 * The operator's risk controls on the daemon's control endpoint: read the trading state, or set it (halt, reduce,
 * resume). `{"flatten": true}` with a halt also squares off every open position.
 */
export const riskRoutes = (engine: Engine, onChange: (state: TradingState, reason: string) => void): Record<string, ControlRoute> => ({
  'GET /control/risk': () => ({ status: 200, body: status(engine) }),
  'GET /control/positions': () => ({
    status: 200,
    body: engine.ledger.openSymbolIds().map((id) => {
      const p = engine.ledger.position(id);
      return { symbol: p?.symbol, side: p?.side, qty: p?.qty, avgPrice: (p?.avgPrice ?? 0) / 100 };
    }),
  }),
  'POST /control/risk': async (body) => {
    const action = typeof body.action === 'string' ? body.action : '';
    const state = ACTIONS[action];
    if (state === undefined) return { status: 400, body: { error: `action must be one of ${Object.keys(ACTIONS).join(', ')}`, got: body.action ?? null } };
    const reason = typeof body.reason === 'string' && body.reason.trim() !== '' ? body.reason.trim() : `operator: ${action}`;
    engine.risk.killSwitch.setState(state, reason);
    onChange(state, reason);
    if (state === 'HALTED' && body.flatten === true) await engine.settler.track(engine.router.squareOffAll());
    return { status: 200, body: status(engine) };
  },
});
