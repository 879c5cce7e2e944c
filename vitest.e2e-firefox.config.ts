import { defineConfig } from 'vitest/config';

// Firefox smoke E2E: the built Firefox extension in headless Firefox ESR over WebDriver BiDi.
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-line-reporter.ts'],
    include: ['test/e2e-firefox/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
