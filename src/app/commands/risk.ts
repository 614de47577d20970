import type { Command } from 'commander';
import { callControl } from './control-client.js';

interface RiskCliOptions { readonly url: string; readonly reason?: string; readonly flatten?: boolean }

/** `trade-engine risk status|halt|resume|reduce`: the running daemon's trading state, through its control endpoint. */
export const registerRiskCommand = (program: Command): void => {
  const risk = program.command('risk').description("read or set the running daemon's trading state (token: TRADE_ENGINE_CONTROL_TOKEN)");
  const withUrl = (c: Command) => c.option('--url <url>', 'the daemon\'s HTTP endpoint', 'http://127.0.0.1:9464');
  const print = (v: unknown): void => void process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
  withUrl(risk.command('status').description('trading state, day P&L, consecutive losses'))
    .action(async (o: RiskCliOptions) => print(await callControl(o.url, 'GET', '/control/risk')));
  for (const [action, what] of [['halt', 'no new orders (cancels still allowed)'], ['reduce', 'only orders that shrink a position'], ['resume', 'back to ACTIVE']] as const) {
    const c = withUrl(risk.command(action).description(what)).option('--reason <text>', 'why (logged and shown in status)');
    if (action === 'halt') c.option('--flatten', 'also square off every open position');
    c.action(async (o: RiskCliOptions) => print(await callControl(o.url, 'POST', '/control/risk', { action, reason: o.reason, flatten: o.flatten === true })));
  }
};
