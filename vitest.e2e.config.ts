import { defineConfig } from 'vitest/config';

// E2E: real headless Chromium with the built extension. No WxtVitest: nothing here is faked.
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-line-reporter.ts'],
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
