import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: WXT's fake browser, fake-indexeddb, happy-dom where a file asks for it.
export default defineConfig({
  plugins: [WxtVitest()],
  // Unit tests see the test build's switches (core/build.ts); the production side is checked on the built bundle.
  define: { __LIQLENS_TEST_BUILD__: 'true' },
  test: {
    reporters: ['default', './test/support/summary-line-reporter.ts'],
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
  },
});
