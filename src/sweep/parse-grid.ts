import { parse as parseYaml } from 'yaml';
import { SweepError } from './errors.js';
import type { GridParam, GridRange, GridSpec, GridValue, WalkForwardSpec } from './grid-spec.js';
import { METRIC_NAMES, type MetricName, isMetricName } from './metrics.js';
import { canonicalJson } from './stable-hash.js';

const TOP_KEYS = new Set(['params', 'range', 'from', 'to', 'symbols', 'metric', 'top', 'walkForward']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Parses a grid file (YAML, or JSON, which is YAML). Swept parameters are dotted config paths, either at the top
 * level (`risk.riskPerTradePct: [0.25, 0.5]`) or under `params:`; a list is the values in order, a scalar is one
 * value. Also: `from`, `to`, `symbols` (or `range: {from, to, symbols}`), `metric`, `top`, and
 * `walkForward: {train, test, step}` in trading days. Any other key is refused with its name.
 */
export const parseGrid = (text: string, source = 'grid'): GridSpec => {
  const fail = (msg: string): never => {
    throw new SweepError('SWEEP_GRID_INVALID', `${source}: ${msg}`, { source });
  };
  let doc: unknown;
  try {
    doc = parseYaml(text, { uniqueKeys: true });
  } catch (e) {
    return fail(`not valid YAML/JSON: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (!isObject(doc)) return fail('expected a mapping of keys to values');
  const params: GridParam[] = [];
  const addParam = (path: string, v: unknown): void => {
    if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/.test(path)) fail(`${path}: a swept key is a dotted config path such as risk.riskPerTradePct`);
    if (params.some((p) => p.path === path)) fail(`${path}: given twice`);
    const values = (Array.isArray(v) ? v : [v]) as GridValue[];
    if (values.length === 0) fail(`${path}: empty list of values`);
    if (new Set(values.map(canonicalJson)).size !== values.length) fail(`${path}: a value is listed twice`);
    params.push({ path, values });
  };
  for (const [k, v] of Object.entries(doc)) {
    if (k.includes('.')) addParam(k, v);
    else if (!TOP_KEYS.has(k)) fail(`unknown key "${k}" (swept parameters are dotted config paths; others: ${[...TOP_KEYS].join(', ')})`);
  }
  if (doc.params !== undefined) {
    if (!isObject(doc.params)) fail('params: expected a mapping of dotted config paths to lists of values');
    for (const [k, v] of Object.entries(doc.params as Raw)) addParam(`${k}`, v);
  }
  if (params.length === 0) fail('no swept parameters (dotted config paths with lists of values)');
  const metric = doc.metric ?? 'total_return';
  if (typeof metric !== 'string' || !isMetricName(metric)) return fail(`metric: expected one of ${METRIC_NAMES.join(', ')}`);
  const top = doc.top ?? 10;
  if (!Number.isInteger(top) || (top as number) < 1) fail('top: expected an integer >= 1');
  const spec: GridSpec = { params, range: parseRange(doc, fail), metric: metric as MetricName, top: top as number };
  return doc.walkForward === undefined ? spec : { ...spec, walkForward: parseWalkForward(doc.walkForward, 'walkForward', fail) };
};

const parseRange = (doc: Raw, fail: (m: string) => never): GridRange => {
  if (doc.range !== undefined && !isObject(doc.range)) fail('range: expected {from, to, symbols}');
  const r = (doc.range ?? {}) as Raw;
  for (const k of Object.keys(r)) if (!['from', 'to', 'symbols'].includes(k)) fail(`range.${k}: unknown key`);
  const pick = (k: string): unknown => {
    if (r[k] !== undefined && doc[k] !== undefined) fail(`${k}: given both at the top level and in range`);
    return r[k] ?? doc[k];
  };
  const out: { from?: string; to?: string; symbols?: string[] } = {};
  for (const k of ['from', 'to'] as const) {
    const v = pick(k);
    if (v === undefined) continue;
    if (typeof v !== 'string' || !DATE.test(v)) fail(`${k}: expected a date YYYY-MM-DD (quote it in YAML)`);
    out[k] = v as string;
  }
  const symbols = pick('symbols');
  if (symbols !== undefined) {
    const list = typeof symbols === 'string' ? symbols.split(',').map((s) => s.trim()).filter((s) => s.length > 0) : symbols;
    if (!Array.isArray(list) || list.some((s) => typeof s !== 'string' || s.length === 0)) fail('symbols: expected a list of symbols');
    out.symbols = list as string[];
  }
  return out;
};

/** `{train, test, step}` from a grid file, or `train=20,test=5[,step=5]` from the command line. */
export const parseWalkForward = (v: unknown, source: string, fail: (m: string) => never = (m) => {
  throw new SweepError('SWEEP_GRID_INVALID', m, { source });
}): WalkForwardSpec => {
  const raw: unknown = typeof v === 'string' ? Object.fromEntries(v.split(',').map((p) => p.split('=').map((s) => s.trim()))) : v;
  if (!isObject(raw)) return fail(`${source}: expected {train, test, step} in trading days`);
  for (const k of Object.keys(raw)) if (!['train', 'test', 'step'].includes(k)) fail(`${source}.${k}: unknown key (train, test, step)`);
  const n = (k: string, dflt?: number): number => {
    const x = raw[k] === undefined ? dflt : Number(raw[k]);
    if (x === undefined || !Number.isInteger(x) || x < 1) fail(`${source}.${k}: expected a whole number of trading days >= 1`);
    return x as number;
  };
  const test = n('test');
  return { train: n('train'), test, step: n('step', test) };
};
