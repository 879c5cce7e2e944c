import { describe, expect, it } from 'vitest';
import { dumpIndexedDb, useRecordedBrowser, type ExtensionBrowser } from './harness';

// The options page's vendor key flow, for CoinAnk, in the real built extension: the key is saved only
// after the browser has allowed CoinAnk's host, and the connection test is a real request from the
// service worker, answered by the replay (a response built from CoinAnk's documentation).
const KEY = 'e2e-coinank-key-0123456789';
const ORIGIN = 'https://open-api.coinank.com/*';

const savedVendors = async (browser: ExtensionBrowser) =>
  (await dumpIndexedDb(await browser.serviceWorker())).find((s) => s.database === 'liqlens-keys')?.keys ?? [];

describe('saving a CoinAnk key while its host is not allowed yet', () => {
  let browser: ExtensionBrowser;
  useRecordedBrowser((b) => {
    browser = b;
  });

  it('asks the browser for open-api.coinank.com and keeps and sends nothing while the prompt is open', async () => {
    const worker = await browser.serviceWorker();
    const manifest = (await worker.evaluate(() => chrome.runtime.getManifest())) as { optional_host_permissions?: string[]; host_permissions?: string[] };
    expect(manifest.optional_host_permissions).toContain(ORIGIN);
    expect(JSON.stringify(manifest.host_permissions)).not.toContain('coinank');
    const options = await browser.openExtensionPage('options.html');
    await options.getByTestId('options-root').waitFor();
    expect(await options.evaluate((o) => chrome.permissions.contains({ origins: [o] }), ORIGIN)).toBe(false);
    // A pass-through spy: the page's real permissions.request still runs (and opens the real prompt).
    await options.evaluate(() => {
      const real = chrome.permissions.request.bind(chrome.permissions);
      const asked: unknown[] = [];
      (window as unknown as { asked: unknown[] }).asked = asked;
      chrome.permissions.request = (p) => {
        asked.push(p);
        return real(p);
      };
    });
    await options.getByTestId('opt-key-coinank').fill(KEY);
    await options.getByTestId('opt-save-key-coinank').click();
    await expect.poll(() => options.evaluate(() => (window as unknown as { asked: unknown[] }).asked)).toEqual([{ origins: [ORIGIN] }]);
    // Headless Chromium leaves the browser's prompt open: nothing may happen meanwhile.
    await options.waitForTimeout(1500);
    expect(await options.getByTestId('opt-vendor-note-coinank').count()).toBe(0);
    expect(await savedVendors(browser)).not.toContain(JSON.stringify('coinank'));
    expect(browser.requests.filter((r) => r.url.includes('coinank'))).toEqual([]);
    await options.close();
  });
});

describe('saving a CoinAnk key once the browser allowed its host', () => {
  let browser: ExtensionBrowser;
  useRecordedBrowser(
    (b) => {
      browser = b;
    },
    { allowedOptionalHosts: [ORIGIN] },
  );

  it('saves the key, switches CoinAnk on, and the connection test answers from the replayed response', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.getByTestId('options-root').waitFor();
    expect(await options.getByTestId('opt-vendor-status-coinank').textContent()).toBe('Not used yet');
    expect(await options.getByTestId('opt-vendor-help-coinank').textContent()).toContain('CoinAnk API key of level 1 or above');
    await options.getByTestId('opt-key-coinank').fill(KEY);
    await options.getByTestId('opt-save-key-coinank').click();
    await expect.poll(() => options.getByTestId('opt-vendor-note-coinank').textContent()).toBe('Key saved. It stays in this browser and goes only to CoinAnk.');
    expect(await options.getByTestId('opt-vendor-enable-coinank').isChecked()).toBe(true);
    expect(await savedVendors(browser)).toContain(JSON.stringify('coinank'));
    await options.getByTestId('opt-test-coinank').click();
    await expect
      .poll(() => options.getByTestId('opt-vendor-note-coinank').textContent(), { timeout: 20_000 })
      .toBe('CoinAnk answered: BTC liquidations in the last 24 h, $184.6M across the exchanges it tracks.');
    await expect.poll(() => options.getByTestId('opt-vendor-status-coinank').textContent()).toMatch(/^Last success (just now|\d+ s ago)$/);
    const asked = browser.requests.filter((r) => r.url.startsWith('https://open-api.coinank.com/'));
    expect(asked.map((r) => [r.url, r.served, r.fromServiceWorker])).toEqual([
      ['https://open-api.coinank.com/api/liquidation/allExchange/intervals?baseCoin=BTC', 'replay', true],
    ]);
    await options.close();
  });

  it("the liquidations page shows CoinAnk's network-wide BTC total beside what the collected venues saw, with its age", async () => {
    const page = await browser.openExtensionPage('liquidations.html');
    await page.getByTestId('liquidations-root').and(page.locator('[data-state="ready"]')).waitFor({ timeout: 20_000 });
    const btc = page.getByTestId('liq-network').locator('[data-coin="BTC"]');
    await expect.poll(() => btc.textContent().catch(() => ''), { timeout: 20_000 }).toMatch(/^BTC 24h: \$185M/);
    expect(await page.getByTestId('liq-network').locator('[data-coin="ETH"]').textContent()).toMatch(/^ETH 24h: \$185M/);
    expect(await btc.textContent()).toMatch(/the venues above saw \$[\d.]+[kMB]? of it \(\d+%\) · CoinAnk, (just now|\d+ s ago)$/);
    await page.close();
  });

  it('a rejected key is said in a sentence and shown as the last error', async () => {
    browser.setFault(/open-api\.coinank\.com/, { status: 200, body: JSON.stringify({ success: false, code: '-3', msg: 'invalid apikey', data: null }) });
    const options = await browser.openExtensionPage('options.html');
    await options.getByTestId('opt-test-coinank').click();
    await expect
      .poll(() => options.getByTestId('opt-vendor-note-coinank').textContent(), { timeout: 20_000 })
      .toBe('CoinAnk rejected the API key. Check it on the options page.');
    await expect
      .poll(() => options.getByTestId('opt-vendor-status-coinank').textContent())
      .toMatch(/ · Last error (just now|\d+ s ago): CoinAnk rejected the API key\. Check it on the options page\.$/);
    browser.setFault(/open-api\.coinank\.com/, null);
    await options.close();
  });
});
