import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { dumpIndexedDb, sendMessage, tradingPage } from './harness';

// Vendor keys live in the extension origin's IndexedDB (liqlens-keys), which a content script,
// running in the page's origin, cannot open in any browser. Settings stay in storage.local, which
// Chrome opens to content scripts unless the background narrows it. Both are checked from inside
// our content script's own isolated world on a trading page, with a key saved.
const KEY = 'e2e-secret-key-0123456789';
let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('storage stays out of the page process', () => {
  it("our content script's world on a trading page cannot read extension storage", async () => {
    const options = await browser.openExtensionPage('options.html');
    expect(await sendMessage(options, { channel: 'liqlens', command: 'vendor.setKey', payload: { vendor: 'coinglass', key: KEY } })).toMatchObject({
      ok: true,
    });
    // The key is in the new store, and storage.local holds no key.
    const worker = await browser.serviceWorker();
    expect((await dumpIndexedDb(worker)).find((s) => s.database === 'liqlens-keys')?.keys).toEqual([JSON.stringify('coinglass')]);
    expect(JSON.stringify(await worker.evaluate(() => chrome.storage.local.get(null)))).not.toContain(KEY);
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
    // indexedDB there is the page origin's: opening liqlens-keys creates an empty database of the
    // page's, never the extension's store.
    const idb = await cdp.send('Runtime.evaluate', {
      contextId: isolated.id,
      expression: `new Promise((resolve) => {
        const r = indexedDB.open('liqlens-keys');
        r.onupgradeneeded = (e) => resolve('new database, was version ' + e.oldVersion + ', origin ' + location.origin);
        r.onsuccess = () => resolve('stores: ' + Array.from(r.result.objectStoreNames).join(','));
        r.onerror = () => resolve('refused: ' + r.error);
      })`,
      awaitPromise: true,
    });
    expect(idb.result.value).toBe('new database, was version 0, origin https://www.binance.com');
    await page.close();
    await options.close();
  });
});
