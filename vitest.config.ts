import { defineConfig } from 'vitest/config';

// `npm test` is `test:core` then `test:e2e` (package.json): test/demo, test/real-k6, test/real-artillery and the embedded A/B
// rounds (test/ab/embedded-rounds) load a service and measure it, so they run after the rest, one file at
// a time, with the CPU to themselves.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
