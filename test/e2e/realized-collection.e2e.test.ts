/**
 * Realized liquidations collected in the background with no trading page open: the worker runs
 * Binance's and Bybit's streams (replayed over local TLS WebSockets), keeps the minute buckets
 * through a worker stop, and the liquidations page shows the 24 h picture with its coverage.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { configure } from '../../scripts/lib/extension-browser.ts';
import { screenshot, useRecordedBrowser, type ExtensionBrowser } from './harness';

/** Sums over the 73 recorded Binance force orders (usd = avg_price × filled_qty), as background.e2e.test.ts. */
const BINANCE = { totalUsd: 937000.63801, longUsd: 890839.44845 };
/** Bybit's documented pushes: BTC Buy 0.5 × 96,000 and 0.25 × 95,990 (longs), ROSE Sell 20,000 × 0.04499 (a short). */
const BYBIT = { longUsd: 0.5 * 96000 + 0.25 * 95990, shortUsd: 20000 * 0.04499 };

interface Totals {
  totalUsd: number;
  longUsd: number;
  shortUsd: number;
  byVenue: Record<string, { longUsd: number; shortUsd: number }>;
}
interface Hooks {
  readRealized(): Promise<{ windows: Record<'24h', Totals> } | null>;
  streamsRunning(): boolean;
}

// This file's stream server plays Bybit's documented pushes (scripts/lib/stream-replay.ts).
process.env.LIQLENS_REPLAY_BYBIT = '1';
afterAll(() => {
  delete process.env.LIQLENS_REPLAY_BYBIT;
});

let browser: ExtensionBrowser & { extensionId: string };
const readRealized = (worker: Worker) => worker.evaluate(() => (globalThis as unknown as { __liqlens: Hooks }).__liqlens.readRealized());
const streamsRunning = async () => (await browser.serviceWorker()).evaluate(() => (globalThis as unknown as { __liqlens: Hooks }).__liqlens.streamsRunning());
const realized24h = async () => (await readRealized(await browser.serviceWorker()))?.windows['24h'] ?? null;

useRecordedBrowser(async (b) => {
  browser = b;
  // Binance (recorded) and Bybit (documented pushes); collecting in the background is the default.
  await configure(browser, {
    keylessVenues: { binance: true, okx: false, bybit: true, htx: false, bitget: false, gate: false, mexc: false, hyperliquid: false },
  });
});

describe('realized liquidations are collected with no trading page open', () => {
  it('the worker runs both streams and counts every replayed liquidation, while no page of any kind is open', async () => {
    await expect
      .poll(async () => (await realized24h())?.byVenue, { timeout: 20_000 })
      .toMatchObject({ binance: { longUsd: expect.closeTo(BINANCE.longUsd, 2) }, bybit: { longUsd: expect.closeTo(BYBIT.longUsd, 2) } });
    expect(browser.context.pages().filter((p) => !p.url().startsWith('about:'))).toEqual([]);
    expect(await streamsRunning()).toBe(true);
    const t = (await realized24h())!;
    expect(t.totalUsd).toBeCloseTo(BINANCE.totalUsd + BYBIT.longUsd + BYBIT.shortUsd, 2);
  });

  it('a stopped worker loses nothing and counts nothing twice; the liquidations page shows the 24 h view with its coverage', async () => {
    const before = (await realized24h())!;
    await browser.stopServiceWorker();
    const page = await browser.openExtensionPage('liquidations.html');
    await page.getByTestId('liquidations-root').and(page.locator('[data-state="ready"]')).waitFor({ timeout: 20_000 });
    const after = (await realized24h())!;
    expect(after.totalUsd).toBeCloseTo(before.totalUsd, 2);
    // The restarted worker holds the streams again by itself.
    await expect.poll(() => streamsRunning().catch(() => false), { timeout: 10_000 }).toBe(true);

    const total = page.getByTestId('liq-total');
    await expect.poll(() => total.textContent()).toMatch(/\$1\.01M liquidated in 24h/);
    const coverage = page.getByTestId('liq-coverage');
    await expect.poll(() => coverage.textContent()).toMatch(/Binance since \d\d:\d\d/);
    expect(await coverage.textContent()).toMatch(/Bybit since \d\d:\d\d/);
    expect(await coverage.textContent()).toMatch(/Binance sends at most one order per symbol per second/);
    expect(await coverage.textContent()).toMatch(/Hyperliquid: publishes no liquidations LiqLens can collect/);
    expect(await coverage.textContent()).toMatch(/OKX: switched off/);
    const largest = page.getByTestId('liq-largest').locator('tbody tr');
    expect(await largest.count()).toBe(10);
    expect(await page.getByTestId('liq-venues').locator('tr[data-venue="bybit"]').textContent()).toMatch(/\$72\.9k/);
    await screenshot(page, 'liquidations-24h', { docs: true });
  });
});
