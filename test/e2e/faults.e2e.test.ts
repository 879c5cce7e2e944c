import { describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';

import { OVERLAY_HOST, overlayRoot, waitForOverlay } from '../../scripts/lib/overlay-driver.ts';
import { screenshot, sendMessage, useRecordedBrowser, tradingPage, type ExtensionBrowser } from './harness';

type Status = { source: string; lastSuccess: number | null; lastError: { at: number; message: string } | null };

let browser: ExtensionBrowser & { extensionId: string };
let quiet: Page;

const sourceStatus = async (): Promise<Status[]> => {
  const reply = (await sendMessage(quiet, { channel: 'liqlens', command: 'sources.status', payload: {} })) as { ok: boolean; data: Status[] };
  return reply.ok ? reply.data : [];
};
const errorOf = async (source: string) => (await sourceStatus()).find((s) => s.source === source)?.lastError?.message ?? null;

useRecordedBrowser(async (b) => {
  browser = b;
  quiet = await browser.openExtensionPage('manifest.json');
});

describe('hostile exchange answers, in real Chromium', () => {
  it('malformed JSON for the mark price: a clear source error, the page price shown as what it is, no NaN', async () => {
    browser.setFault(/fapi\.binance\.com\/fapi\/v1\/premiumIndex/, { status: 200, body: '{"symbol":"BTCUSDT","markPrice":"NaN","time":' });
    onTestFinished(() => browser.setFault(/fapi\.binance\.com\/fapi\/v1\/premiumIndex/, null));
    const page = await browser.open(tradingPage('binance').url);
    expect((await waitForOverlay(page)).mounted).toBe(true);
    await expect.poll(() => errorOf('binance:premiumIndex'), { timeout: 20_000 }).toMatch(/JSON/);
    await expect.poll(() => overlayRoot(page).innerText(), { timeout: 10_000 }).toContain('binance:premiumIndex');
    const text = await overlayRoot(page).innerText();
    expect(text).not.toMatch(/NaN|undefined/);
    // Every state is designed: no sentence with a hole where a value should be ("from ;").
    expect(text).not.toMatch(/\b(from|since|of)\s*[;.,:]/);
    // Without a mark price the header says the price it shows is the page's last price.
    expect(text).not.toMatch(/mark price/i);
    await screenshot(overlayRoot(page), 'overlay-mark-price-error');
    await page.close();
  });

  it('a 429 with Retry-After and an HTML error page: clear source errors without the page markup', async () => {
    browser.setFault(/fapi\.binance\.com\/fapi\/v1\/klines/, {
      status: 429,
      headers: { 'retry-after': '60' },
      body: JSON.stringify({ code: -1003, msg: 'Too many requests; current limit of IP is 2400 requests per minute.' }),
    });
    browser.setFault(/fapi\.binance\.com\/futures\/data\/openInterestHist/, {
      status: 502,
      contentType: 'text/html',
      body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>',
    });
    const page = await browser.open(tradingPage('binance').url);
    expect((await waitForOverlay(page)).mounted).toBe(true);
    await expect.poll(() => errorOf('binance:klines'), { timeout: 20_000 }).toMatch(/429|rate|too many/i);
    await expect.poll(() => errorOf('binance:openInterestHist'), { timeout: 20_000 }).toMatch(/502|HTML|JSON/i);
    expect(await errorOf('binance:openInterestHist')).not.toMatch(/<h1>|<script>|alert\(1\)/);
    // The mark price recovered; the bands, which need the failing data, are not invented.
    await expect.poll(() => page.locator(`${OVERLAY_HOST} [data-testid="overlay-price"]`).textContent(), { timeout: 20_000 }).toContain('84,028.1');
    expect(await page.locator(`${OVERLAY_HOST} [data-testid="band-long"]`).count()).toBe(0);
    expect(await overlayRoot(page).innerText()).not.toMatch(/<h1>|NaN/);
    await screenshot(overlayRoot(page), 'overlay-source-errors');
    await page.close();
  });

  it('stays usable and honours Retry-After instead of retrying into a storm', async () => {
    expect(await sendMessage(quiet, { channel: 'liqlens', command: 'ping', payload: {} })).toMatchObject({ ok: true });
    const page = await browser.open(tradingPage('binance').url);
    await waitForOverlay(page);
    await page.close();
    // Two page loads after the 429 with Retry-After: 60: klines were asked for once.
    expect(browser.requests.filter((r) => r.url.includes('/fapi/v1/klines')).length).toBe(1);
  });
});
