import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { tradingPage } from './harness';

// Vendor keys live in storage.local. Chrome opens storage.local to content scripts unless the
// background narrows it; this checks, from inside our content script's own isolated world on a
// trading page, that the narrowing holds.
let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('storage stays out of the page process', () => {
  it("our content script's world on a trading page cannot read extension storage", async () => {
    const page = await browser.open(tradingPage('binance').url);
    await page.locator('liqlens-overlay').waitFor({ state: 'attached', timeout: 20_000 });
    const cdp = await page.context().newCDPSession(page);
    const worlds: { id: number; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; auxData?: { type?: string } } }) => worlds.push(e.context));
    await cdp.send('Runtime.enable');
    await expect.poll(() => worlds.some((w) => w.auxData?.type === 'isolated'), { timeout: 5_000 }).toBe(true);
    const isolated = worlds.find((w) => w.auxData?.type === 'isolated')!;
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: isolated.id,
      expression: 'chrome.storage.local.get(null).then((v) => "read: " + Object.keys(v).join(","), (e) => "refused: " + e.message)',
      awaitPromise: true,
    });
    expect(result.value).toMatch(/^refused: /);
    await page.close();
  });
});
