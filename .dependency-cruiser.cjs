/** The dependency rule of ARCHITECTURE.md, enforced in CI (npm run lint). */
const only = (name, lib, allowed) => ({
  name, severity: 'error', comment: `${lib} has exactly one home: ${allowed}`,
  from: { pathNot: allowed }, to: { path: `node_modules/${lib}/` },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'core-imports-nothing', severity: 'error', comment: 'core imports nothing from src/',
      from: { path: '^src/core/' }, to: { path: '^src/', pathNot: '^src/core/' } },
    { name: 'pure-zone-no-node', severity: 'error', comment: 'the pure zone has no node:* imports',
      from: { path: '^src/(scanners|risk)/|^src/state/symbol-window\\.ts|^src/core/(types|ports)/' }, to: { dependencyTypes: ['core'] } },
    { name: 'report-no-io', severity: 'error', comment: 'src/report renders pure HTML; only chart-library.ts reads its asset',
      from: { path: '^src/report/', pathNot: '^src/report/chart-library\\.ts$' }, to: { dependencyTypes: ['core'] } },
    { name: 'sim-only-from-app', severity: 'error', comment: 'only src/app (and tests) import the Dhan simulator',
      from: { path: '^src/', pathNot: '^src/(app|sim)/' }, to: { path: '^src/sim/' } },
    { name: 'adapters-only-from-app', severity: 'error', comment: 'nobody outside src/app imports an adapter sub-folder',
      from: { path: '^src/', pathNot: '^src/app/' },
      to: { path: '^src/[^/]+/(dhan|redis|sim|breaker)/', pathNot: '^src/([^/]+)/.*' } },
    { name: 'through-index-only', severity: 'error', comment: 'one module reaches another only through its index.ts',
      from: { path: '^src/([^/]+)/', pathNot: '^src/app/' },
      to: { path: '^src/([^/]+)/.+', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/[^/]+/config\\.ts$', '^src/core/'] } },
    ...Object.entries({
      streams: '(core|scanners|risk|state|execution)', scanners: 'core', risk: 'core', state: 'core',
      execution: 'core', store: 'core', replay: '(core|store|execution)', sweep: '(core|config|scanners|store|telemetry)', report: 'core', config: '(core|risk|execution|scanners|feed|telemetry|state)', feed: 'core', sim: 'core',
    }).map(([mod, may]) => ({
      name: `${mod}-imports`, severity: 'error', comment: `src/${mod} may import only ${may} (module map)`,
      from: { path: `^src/${mod}/` }, to: { path: '^src/', pathNot: [`^src/${mod}/`, `^src/${may}/`] },
    })),
    { name: 'sweep-queue-at-the-edge', severity: 'error', comment: 'the BullMQ adapter (src/sweep/queue) is reached only through src/sweep/index.ts',
      from: { path: '^src/sweep/', pathNot: ['^src/sweep/queue/', '^src/sweep/index\\.ts$'] }, to: { path: '^src/sweep/queue/' } },
    only('bullmq-home', 'bullmq', '^src/sweep/queue/'),
    only('ws-home', 'ws', '^src/(feed/dhan|execution/dhan|sim)/'),
    only('duckdb-home', '@duckdb', '^src/store/'),
    only('ioredis-home', 'ioredis', '^src/state/redis/'),
    only('opossum-home', 'opossum', '^src/execution/breaker/'),
    only('pino-home', 'pino', '^src/telemetry/'),
    only('prom-client-home', 'prom-client', '^src/telemetry/'),
    only('cron-home', 'node-cron', '^src/app/'),
    only('commander-home', 'commander', '^src/app/'),
    only('lightweight-charts-home', 'lightweight-charts', '^src/report/'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
    tsPreCompilationDeps: true,
  },
};
