import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    restoreMocks: true,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    sequence: { shuffle: true, seed: 20261124 },
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
  },
});
