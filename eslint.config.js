import tseslint from 'typescript-eslint';

const wallClock = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the Clock (core/time) — Date.now() breaks replay determinism.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the Clock (core/time) — new Date() breaks replay determinism.' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use core/random.ts (seeded).' },
  { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'Use telemetry/stopwatch.ts.' },
];
const timers = [
  { selector: "CallExpression[callee.name=/^(setTimeout|setInterval)$/]", message: 'No timers in the pure zone: use Clock.at.' },
  { selector: "CallExpression[callee.name=/^(debounceTime|bufferTime|auditTime|throttleTime|delay|timer|interval|timeout)$/]", message: 'No rxjs time operators in graph code: they read the wall clock.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', 'eslint.config.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-restricted-syntax': ['error', ...wallClock],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true, namedFrom: true, namespaceFrom: true } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/scanners/**/*.ts', 'src/risk/**/*.ts', 'src/state/symbol-window.ts', 'src/streams/**/*.ts', 'src/execution/*.ts'],
    ignores: ['src/core/time/live-clock.ts'],
    rules: { 'no-restricted-syntax': ['error', ...wallClock, ...timers] },
  },
  {
    files: ['src/core/time/live-clock.ts', 'src/core/random.ts', 'src/telemetry/stopwatch.ts', 'src/app/**/*.ts', 'src/sim/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
