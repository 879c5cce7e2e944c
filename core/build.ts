/**
 * Build-time switches. `__LIQLENS_TEST_BUILD__` is replaced by a literal at build time
 * (wxt.config.ts `vite.define`, from LIQLENS_TEST_BUILD=1; vitest.config.ts sets it for unit tests).
 * The E2E, demo and bench build sets it: the overlay's shadow root is open so Playwright can reach
 * in, and the worker publishes read-only test hooks. Production bundles get `false`, and the
 * minifier drops everything behind it. Anything read without the define (tsx scripts) gets false.
 */
declare const __LIQLENS_TEST_BUILD__: boolean | undefined;

export const TEST_BUILD: boolean = typeof __LIQLENS_TEST_BUILD__ === 'boolean' && __LIQLENS_TEST_BUILD__;
