import { type Command, InvalidArgumentError } from 'commander';
import { callControl } from './control-client.js';

interface ScannersCliOptions { readonly url: string; readonly since?: string; readonly unacked?: boolean }

/** `KEY=VALUE` pairs of a scanner's parameters; values are JSON when they parse (numbers, booleans), else strings. */
const paramPairs = (pairs: readonly string[]): Record<string, unknown> => Object.fromEntries(pairs.map((p) => {
  const i = p.indexOf('=');
  if (i <= 0) throw new InvalidArgumentError(`expected KEY=VALUE, got ${p}`);
  const raw = p.slice(i + 1);
  let v: unknown = raw;
  try {
    v = JSON.parse(raw);
  } catch {
    // a plain string
  }
  return [p.slice(0, i), v];
}));

/** `trade-engine scanners list|enable|disable|set|signals|ack|performance`: the running daemon's scanners, through its control endpoint. */
export const registerScannersCommand = (program: Command): void => {
  const cmd = program.command('scanners').description("the running daemon's scanners (token: TRADE_ENGINE_CONTROL_TOKEN)");
  const withUrl = (c: Command) => c.option('--url <url>', "the daemon's HTTP endpoint", 'http://127.0.0.1:9464');
  const print = (v: unknown): void => void process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
  withUrl(cmd.command('list').description('every scanner: enabled, parameters, signals today, last signal time'))
    .action(async (o: ScannersCliOptions) => print(await callControl(o.url, 'GET', '/control/scanners')));
  withUrl(cmd.command('enable <id>')).action(async (id: string, o: ScannersCliOptions) => print(await callControl(o.url, 'POST', '/control/scanners', { id, enabled: true })));
  withUrl(cmd.command('disable <id>')).action(async (id: string, o: ScannersCliOptions) => print(await callControl(o.url, 'POST', '/control/scanners', { id, enabled: false })));
  withUrl(cmd.command('set <id> <params...>').description('change parameters (KEY=VALUE ...), validated like a config edit'))
    .action(async (id: string, params: string[], o: ScannersCliOptions) => print(await callControl(o.url, 'POST', '/control/scanners', { id, params: paramPairs(params) })));
  withUrl(cmd.command('signals').description('recent signals after a cursor'))
    .option('--since <seq>', 'the cursor returned by the previous call', '0')
    .option('--unacked', 'only signals not yet acknowledged')
    .action(async (o: ScannersCliOptions) => print(await callControl(o.url, 'GET', `/control/signals?since=${encodeURIComponent(o.since ?? '0')}${o.unacked ? '&unacked=1' : ''}`)));
  withUrl(cmd.command('ack <ids...>').description('acknowledge signals by id'))
    .action(async (ids: string[], o: ScannersCliOptions) => print(await callControl(o.url, 'POST', '/control/signals/ack', { ids })));
  withUrl(cmd.command('performance').description("each running scanner's signals, trades, wins and net P&L today"))
    .action(async (o: ScannersCliOptions) => print(await callControl(o.url, 'GET', '/control/scanners/performance')));
};
