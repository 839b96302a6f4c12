import { defineConfig } from 'vitest/config';

// `npm test` is `test:core` then `test:e2e` (package.json): test/demo and test/real-k6 load a service and
// measure it, so they run after the rest, one file at a time, with the CPU to themselves.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
