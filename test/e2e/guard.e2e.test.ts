/**
 * Issue #16 in real Chromium with the built extension: a market order is not priced from the page's
 * price when the background has no mark, and the popup computes the current tab's liquidation price
 * itself from the inputs the tab read (tabs.query + tabs.sendMessage, no `tabs` permission).
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { demoOrder, OVERLAY_HOST, overlayRoot, waitForOverlay } from '../../scripts/lib/overlay-driver.ts';
import { screenshot, sendMessage, useRecordedBrowser, tradingPage, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser & { extensionId: string };
const BINANCE = tradingPage('binance').url;
const inOverlay = (page: Page, testId: string) => page.locator(`${OVERLAY_HOST} [data-testid="${testId}"]`);
const PREMIUM = /fapi\.binance\.com\/fapi\/v1\/premiumIndex/;

useRecordedBrowser(async (b) => {
  browser = b;
});

/** Switches the fixture form to its Market tab, as a trader's click would (the fixture page has no script). */
const marketTab = (page: Page) =>
  page.evaluate(() => {
    for (const tab of Array.from(document.querySelectorAll('[role="tab"][data-tab-key]'))) {
      const key = tab.getAttribute('data-tab-key');
      if (key === 'LIMIT' || key === 'MARKET') tab.setAttribute('aria-selected', key === 'MARKET' ? 'true' : 'false');
    }
  });

describe('the popup computes the current tab’s liquidation price itself', () => {
  it("shows the figure computed in the extension, which matches the overlay's", async () => {
    const page = await browser.open(BINANCE);
    expect((await waitForOverlay(page)).mounted).toBe(true);
    expect(await demoOrder(page, '0.5')).toBe(true);
    const overlayLiq = inOverlay(page, 'order-liq-long');
    await overlayLiq.waitFor({ timeout: 15_000 });
    const overlayText = (await overlayLiq.textContent())!;
    const figure = overlayText.match(/\$[\d,]+\.\d/)![0];
    // The popup asks the active tab of its window: open it, then make the trading tab the active one and reload it.
    const popup = await browser.openExtensionPage('popup.html');
    await page.bringToFront();
    await popup.reload();
    const section = popup.getByTestId('popup-liquidation');
    await section.waitFor({ timeout: 20_000 }).catch(async (e: unknown) => {
      throw new Error(
        `no popup-liquidation section; the popup shows: ${await popup
          .getByTestId('popup-root')
          .innerText()
          .catch(() => '?')}`,
        { cause: e },
      );
    });
    expect(await popup.getByTestId('popup-liq-how').textContent()).toMatch(/Computed here, in the extension/);
    await expect
      .poll(
        () =>
          popup
            .getByTestId('popup-liq-longlong')
            .textContent()
            .catch(() => null),
        { timeout: 20_000 },
      )
      .toContain(figure);
    expect(await popup.getByTestId('popup-liq-same').count()).toBe(1);
    expect(await popup.getByTestId('popup-liq-differs').count()).toBe(0);
    await popup.close();
    await page.close();
  }, 150_000);
});

// After the popup: the fault's back-off keeps the mark away for a minute.
describe('no independent mark price', () => {
  it('a market order says what is missing instead of a price from the page', async () => {
    browser.setFault(PREMIUM, { status: 429, headers: { 'retry-after': '60' }, body: JSON.stringify({ code: -1003, msg: 'Too many requests.' }) });
    onTestFinished(() => browser.setFault(PREMIUM, null));
    // A cached mark (shown with its age) is still an independent mark: start from none.
    const quiet = await browser.openExtensionPage('manifest.json');
    expect(await sendMessage(quiet, { channel: 'liqlens', command: 'cache.clear', payload: {} })).toMatchObject({ ok: true });
    await quiet.close();
    const page = await browser.open(BINANCE);
    expect((await waitForOverlay(page)).mounted).toBe(true);
    await marketTab(page);
    await demoOrder(page, '0.5');
    const noMark = inOverlay(page, 'order-no-mark');
    await expect
      .poll(() => noMark.textContent().catch(() => null), { timeout: 20_000 })
      .toMatch(/No independent mark price: binance:premiumIndex \(fapi\.binance\.com asked us to slow down; retrying in \d+ s\)\./);
    expect(await inOverlay(page, 'order-liq-long').count()).toBe(0);
    expect(await overlayRoot(page).innerText()).not.toContain('entry = mark price');
    await screenshot(overlayRoot(page), 'overlay-no-independent-mark');
    await page.close();
  }, 150_000);
});
