import { DuckDbStore, openBarReader } from '../src/store/index.js';
import { runReplay } from '../src/app/compose-replay.js';
import { loadEngineConfig } from '../src/app/commands/engine-config.js';
import { baselineScan } from './baseline-scan.js';

/** One measurement in its own process, so peak RSS belongs to it: `replay-one.js <db> graph|baseline`. */
const [db, mode] = process.argv.slice(2);
if (db === undefined || (mode !== 'graph' && mode !== 'baseline')) throw new Error('usage: replay-one <db> graph|baseline');
const store = await DuckDbStore.open(db, { readOnly: true });
const config = loadEngineConfig(new URL('../../config/default.json', import.meta.url).pathname);
const t0 = performance.now();
let bars = 0;
if (mode === 'graph') {
  const r = await runReplay({ store, config, range: {}, runId: 'bench', writeResults: false, keepJournal: true, wallSeconds: () => performance.now() / 1000 });
  bars = r.bars;
} else {
  bars = await baselineScan(await openBarReader(store.connection, {}), config);
}
const seconds = (performance.now() - t0) / 1000;
store.close();
process.stdout.write(`${JSON.stringify({ bars, seconds, barsPerSecond: bars / seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
