import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { configure } from '../../scripts/lib/extension-browser.ts';
import { demoOrder, OVERLAY_HOST, overlayRoot, waitForOverlay } from '../../scripts/lib/overlay-driver.ts';
import { TAB_CHANNEL } from '../../core/overlay/tab-messages';
import { axeViolations, useRecordedBrowser, tradingPage, type ExtensionBrowser } from './harness';

/**
 * The overlay, popup and options page as a keyboard and screen-reader user meets them: the
 * shortcut, Esc and "Hide overlay" move focus and give it back, the manual calculator opens where
 * the next Tab goes, one debounced announcement, forced colours, and axe's WCAG A/AA rules.
 */
let browser: ExtensionBrowser & { extensionId: string };
const BINANCE = tradingPage('binance').url;
const inOverlay = (page: Page, testId: string) => page.locator(`${OVERLAY_HOST} [data-testid="${testId}"]`);

useRecordedBrowser((b) => {
  browser = b;
});

async function openBinance(): Promise<Page> {
  const page = await browser.open(BINANCE);
  const overlay = await waitForOverlay(page);
  expect(overlay.mounted, overlay.reason).toBe(true);
  return page;
}

/**
 * The keyboard shortcut as the background relays it (commands.onCommand → toggleOverlayRelay →
 * the active tab). Chromium does not route synthetic key events to extension commands, so the
 * relay's message is sent from the service worker to the tab in front.
 */
async function pressShortcut(page: Page): Promise<unknown> {
  await page.bringToFront();
  const worker = await browser.serviceWorker();
  return worker.evaluate(async (channel) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab!.id!, { channel, command: 'overlay.toggle', payload: {} });
  }, TAB_CHANNEL);
}

/** Where focus is: 'page:<id>', 'overlay:<data-testid>' (the overlay's own element), or 'body'. */
function focused(page: Page): Promise<string> {
  return page.evaluate((host) => {
    const active = document.activeElement;
    if (active && active.tagName.toLowerCase() === host) {
      const inner = active.shadowRoot?.activeElement;
      return `overlay:${inner?.getAttribute('data-testid') ?? inner?.id ?? inner?.tagName ?? '?'}`;
    }
    if (!active || active === document.body) return 'body';
    return `page:${active.id || active.getAttribute('name') || active.tagName}`;
  }, OVERLAY_HOST);
}

/** The first visible text input of the exchange's order form, focused as a trader would. */
async function focusPageInput(page: Page): Promise<string> {
  const input = page.locator('.order-form-wrap:not([hidden]) input[type="text"], .order-form-wrap:not([hidden]) input:not([type])').first();
  await input.focus();
  return focused(page);
}

/** Pixels in the middle of an element that differ from its most common colour (the background). */
async function inkPixels(page: Page, testId: string, size: { width: number; height: number }): Promise<number> {
  const box = (await inOverlay(page, testId).boundingBox())!;
  const png = await page.screenshot({
    clip: { x: box.x + (box.width - size.width) / 2, y: box.y + (box.height - size.height) / 2, width: size.width, height: size.height },
  });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    const counts = new Map<number, number>();
    for (let i = 0; i < d.length; i += 4)
      counts.set((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!, (counts.get((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!) ?? 0) + 1);
    const bg = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) {
      const diff = Math.abs(d[i]! - ((bg >> 16) & 255)) + Math.abs(d[i + 1]! - ((bg >> 8) & 255)) + Math.abs(d[i + 2]! - (bg & 255));
      if (diff > 150) ink++;
    }
    return ink;
  }, png.toString('base64'));
}

describe('the overlay from the keyboard', () => {
  it('the shortcut moves focus into the overlay, and Esc gives it back to the page element the trader was on', async () => {
    const page = await openBinance();
    const start = await focusPageInput(page);
    expect(start).toMatch(/^page:/);
    expect(await pressShortcut(page)).toEqual({ ok: true, data: { visible: true } });
    await expect.poll(() => focused(page)).toBe('overlay:overlay-root');
    expect(await overlayRoot(page).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe(start);
    expect(await overlayRoot(page).isVisible()).toBe(true);
    // Hidden by the shortcut, then shown by it again: focus goes in again.
    await pressShortcut(page);
    await expect.poll(() => focused(page)).toBe('overlay:overlay-root');
    expect(await pressShortcut(page)).toEqual({ ok: true, data: { visible: false } });
    await expect.poll(() => focused(page)).toBe(start);
    expect(await pressShortcut(page)).toEqual({ ok: true, data: { visible: true } });
    await expect.poll(() => focused(page)).toBe('overlay:overlay-root');
    await page.close();
  });

  it('"Hide overlay" gives focus back to the page element, not to the top of the page', async () => {
    const page = await openBinance();
    const start = await focusPageInput(page);
    await pressShortcut(page);
    await expect.poll(() => focused(page)).toBe('overlay:overlay-root');
    await inOverlay(page, 'overlay-close').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => overlayRoot(page).isVisible()).toBe(false);
    expect(await focused(page)).toBe(start);
    await page.close();
  });

  it('"Enter the order by hand" opens its fields after the link: the next Tab goes into them', async () => {
    const page = await openBinance();
    const link = inOverlay(page, 'order-manual-toggle');
    await link.focus();
    await page.keyboard.press('Enter');
    await inOverlay(page, 'calculator').waitFor();
    expect(await focused(page)).toBe('overlay:order-manual-toggle');
    await page.keyboard.press('Tab');
    const next = await focused(page);
    const calculatorHasIt = await page.evaluate((host) => {
      const shadow = document.querySelector(host)!.shadowRoot!;
      return shadow.querySelector('[data-testid="calculator"]')!.contains(shadow.activeElement);
    }, OVERLAY_HOST);
    expect(calculatorHasIt, `Tab went to ${next}`).toBe(true);
    await page.close();
  });

  it('announces the liquidation price and its distance once, politely, after typing stops', async () => {
    const page = await openBinance();
    const region = inOverlay(page, 'order-announcement');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    // Every text change of a live region while the trader types: the debounced one changes once.
    await page.evaluate((host) => {
      const shadow = document.querySelector(host)!.shadowRoot!;
      const seen: string[] = [];
      (globalThis as unknown as { __announced: string[] }).__announced = seen;
      new MutationObserver(() => {
        for (const el of shadow.querySelectorAll('[aria-live], [role="status"], [role="alert"]')) {
          const text = el.textContent ?? '';
          if (text && !el.closest('[hidden]') && seen[seen.length - 1] !== text) seen.push(`${el.getAttribute('data-testid')}: ${text}`);
        }
      }).observe(shadow, { subtree: true, childList: true, characterData: true });
    }, OVERLAY_HOST);
    expect(await demoOrder(page, '0.5')).toBe(true);
    await inOverlay(page, 'overlay-warning').waitFor({ timeout: 10_000 });
    // The fixture's form has no side chosen (a sell would close its open long): the buy is said, with its warning.
    await expect
      .poll(() => region.textContent(), { timeout: 5_000 })
      .toMatch(/^If you buy: liquidation \$[\d,.]+, −\d+\.\d\d% · −\$[\d,.]+ from price\. .*cascade risk\.$/);
    const announced = await page.evaluate(() => (globalThis as unknown as { __announced: string[] }).__announced);
    expect(announced.filter((a) => a.startsWith('order-announcement'))).toHaveLength(1);
    // The cascade warning is said within that one announcement, not by a live region of its own.
    expect(announced.filter((a) => !a.startsWith('order-announcement') && /cascade/i.test(a))).toEqual([]);
    await page.close();
  });

  it('shows the ✕ and the drag grip in forced-colours mode', async () => {
    const page = await openBinance();
    await page.emulateMedia({ forcedColors: 'active' });
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    expect(await inkPixels(page, 'overlay-close', { width: 12, height: 12 })).toBeGreaterThan(12);
    expect(await inkPixels(page, 'overlay-drag', { width: 8, height: 18 })).toBeGreaterThan(6);
    await page.emulateMedia({ forcedColors: 'none' });
    await page.close();
  });

  it('axe finds no WCAG A/AA violation in the overlay, compact and expanded with an order', async () => {
    const page = await openBinance();
    expect(await demoOrder(page, '0.5')).toBe(true);
    await inOverlay(page, 'overlay-warning').waitFor({ timeout: 10_000 });
    expect(await axeViolations(page, OVERLAY_HOST)).toEqual([]);
    await inOverlay(page, 'overlay-expand').click();
    await inOverlay(page, 'order-manual-toggle').click();
    expect(await axeViolations(page, OVERLAY_HOST)).toEqual([]);
    await page.close();
  });
});

describe('the popup and options page', () => {
  it('axe finds no WCAG A/AA violation in the popup (headings in order) or the options page', async () => {
    const popup = await browser.openExtensionPage('popup.html?market=binance:BTC/USDT:USDT');
    await popup.locator('[data-testid="popup-root"]').waitFor();
    await expect.poll(() => popup.locator('[data-testid="band-long"], [data-testid="band-long-none"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    const options = await browser.openExtensionPage('options.html');
    await options.locator('[data-testid="options-root"]').waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });
});

describe('sentences a trader needs in a hurry fit on one line at the compact width', () => {
  for (const language of ['en', 'zh_CN'] as const) {
    it(`${language}: bands, liquidation price, distance and warning are one line box each`, async () => {
      await configure(browser, { language, expanded: false });
      const page = await openBinance();
      expect(await demoOrder(page, '0.5')).toBe(true);
      await inOverlay(page, 'overlay-warning').waitFor({ timeout: 10_000 });
      const lines = await page.evaluate((host) => {
        const shadow = document.querySelector(host)!.shadowRoot!;
        const ids = ['band-short', 'band-long', 'order-distance-long', 'overlay-warning'];
        const targets: [string, Element][] = ids.flatMap((id) =>
          [...shadow.querySelectorAll(`[data-testid="${id}"]`)].map((el) => [id, el] as [string, Element]),
        );
        const liq = shadow.querySelector('[data-testid="order-liq-long"]')?.parentElement;
        if (liq) targets.push(['order-liq-long row', liq]);
        const out: Record<string, number> = {};
        for (const [id, el] of targets) {
          const range = document.createRange();
          range.selectNodeContents(el);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).sort((a, b) => a.top - b.top);
          // A new line box starts below the bottom of the current one.
          let count = 0;
          let bottom = -Infinity;
          for (const r of rects) {
            if (r.top >= bottom - 1) {
              count++;
              bottom = r.bottom;
            } else bottom = Math.max(bottom, r.bottom);
          }
          out[id] = count;
        }
        return out;
      }, OVERLAY_HOST);
      expect(Object.keys(lines).sort()).toEqual(['band-long', 'band-short', 'order-distance-long', 'order-liq-long row', 'overlay-warning']);
      for (const [id, count] of Object.entries(lines)) expect(count, `${language} ${id}`).toBe(1);
      await page.close();
      await configure(browser, { language: 'en' });
    });
  }
});
