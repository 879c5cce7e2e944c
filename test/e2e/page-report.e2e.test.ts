/**
 * "Save a page report" end to end in real Chromium: the button in the page-reading view opens the
 * report page next to the trading tab, which saves a redacted copy of the page as a download.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { demoOrder, expandOverlay, OVERLAY_HOST, waitForOverlay } from '../../scripts/lib/overlay-driver.ts';
import { ROOT, screenshot, useRecordedBrowser, tradingPage, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser & { extensionId: string };

useRecordedBrowser((b) => (browser = b));

describe('save a page report', () => {
  it('from the page-reading view: a redacted copy of the Binance page is downloaded', async () => {
    const page = await browser.open(tradingPage('binance').url);
    expect((await waitForOverlay(page)).mounted).toBe(true);
    // Something typed by the trader: the located size input keeps its live value.
    expect(await demoOrder(page, '0.25')).toBe(true);
    expect(await expandOverlay(page)).toBe(true);
    const inOverlay = (id: string) => page.locator(`${OVERLAY_HOST} [data-testid="${id}"]`);
    await inOverlay('overlay-health-toggle').click();
    await inOverlay('overlay-save-report').scrollIntoViewIfNeeded();
    // The page-reading view with its button (the overlay scrolls: the view is shot on its own).
    await screenshot(page.locator(`${OVERLAY_HOST} .ll-health`), 'overlay-page-report');

    const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/report.html') });
    await inOverlay('overlay-save-report').click();
    const report = await opened;
    await expect.poll(() => inOverlay('overlay-report-status').textContent()).toContain('new tab');
    await report.locator('[data-testid="report-root"][data-state="ready"]').waitFor({ timeout: 15_000 });
    expect(await report.locator('[data-testid="report-header"]').textContent()).toContain('size: kept');
    await screenshot(report, 'page-report');

    const downloading = report.waitForEvent('download');
    await report.locator('[data-testid="report-save"]').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^binance-\d{4}-\d{2}-\d{2}\.report\.html$/);
    const html = fs.readFileSync((await download.path())!, 'utf8');
    fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'test-output', download.suggestedFilename()), html);
    await report.locator('[data-testid="report-saved"]').waitFor();

    // Header, then the page's hooks and the order form's located values.
    expect(html).toMatch(/^<!DOCTYPE html>\n<!--\n {2}LiqLens page report/);
    expect(html).toContain('Venue: binance');
    expect(html).toContain('Page: https://www.binance.com/en/futures/BTCUSDT (query and fragment removed)');
    expect(html).toMatch(/<input id="unitAmount-r8" [^>]*aria-label="Size"[^>]* value="0\.25">/);
    expect(html).toMatch(/<input id="limitPrice-r7" [^>]* value="84,000\.0">/);
    // Only those two inputs keep a value.
    expect(html.match(/ value="/g)).toHaveLength(2);
    expect(html).toContain('data-tab-key="LIMIT"');
    expect(html).toContain('>Buy/Long</button>');
    expect(html).toContain('<title>');
    // Gone: credentials, the balance and position figures, scripts, styles, the overlay, storage.
    for (const gone of ['hunter2', 'value="9999"', '1,250.40', '82,500.0', '<script', '<style', '<iframe', 'liqlens-overlay', 'overlay-root'])
      expect(html).not.toContain(gone);
    expect(html).toContain('#,###.## USDT');
    await report.close();
    await page.close();
  });

  it('the trading page answers its page copy only to the report page', async () => {
    const page = await browser.open(tradingPage('binance').url);
    expect((await waitForOverlay(page)).mounted).toBe(true);
    const options = await browser.openExtensionPage('options.html');
    // Another extension page in a tab (not report.html) gets no answer.
    const answer = await options.evaluate(async (url) => {
      const b = (
        globalThis as unknown as {
          chrome: { tabs: { query: (q: object) => Promise<{ id: number; url?: string }[]>; sendMessage: (id: number, m: unknown) => Promise<unknown> } };
        }
      ).chrome;
      const tabs = await b.tabs.query({});
      const tab = tabs.find((t) => t.url === url);
      return tab
        ? b.tabs.sendMessage(tab.id, { channel: 'liqlens:tab', command: 'report.capture' }).then(
            (r) => r ?? 'no answer',
            (e: Error) => `refused: ${e.message}`,
          )
        : 'tab not found';
    }, page.url());
    expect(answer === 'no answer' || String(answer).startsWith('refused')).toBe(true);
    await options.close();
    await page.close();
  });
});
