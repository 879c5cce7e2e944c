import { describe, expect, it } from 'vitest';

import { OVERLAY_HOST, waitForOverlay } from '../../scripts/lib/overlay-driver.ts';
import { dumpStorage, useRecordedBrowser, tradingPage, type ExtensionBrowser } from './harness';

// Issue #16: events a page script makes up. This runs on the E2E build, whose shadow root is open,
// so the page can reach the controls at all (in production it cannot: production-build.e2e.test.ts).
let browser: ExtensionBrowser & { extensionId: string };
useRecordedBrowser((b) => (browser = b));

describe('a page script against the overlay controls', () => {
  it('cannot move, expand or close the overlay with synthesized events (none reach storage)', async () => {
    const page = await browser.open(tradingPage('binance').url);
    expect((await waitForOverlay(page)).mounted).toBe(true);
    const worker = await browser.serviceWorker();
    const before = JSON.stringify(await dumpStorage(worker));
    const root = page.locator(`${OVERLAY_HOST} [data-testid="overlay-root"]`);
    const expanded = await root.getAttribute('data-expanded');
    const dispatched = await page.evaluate((host) => {
      const shadow = document.querySelector(host)!.shadowRoot!;
      const drag = shadow.querySelector<HTMLElement>('[data-testid="overlay-drag"]')!;
      let n = 0;
      for (let i = 0; i < 300; i++) {
        drag.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
        n++;
      }
      for (let i = 0; i < 20; i++) {
        drag.dispatchEvent(new PointerEvent('pointerdown', { button: 0, clientX: 20, clientY: 130, pointerId: 1, bubbles: true, composed: true }));
        drag.dispatchEvent(new PointerEvent('pointermove', { clientX: 300 + i, clientY: 300, pointerId: 1, bubbles: true, composed: true }));
        drag.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1, bubbles: true, composed: true }));
        n += 3;
      }
      shadow.querySelector<HTMLElement>('[data-testid="overlay-expand"]')!.click();
      shadow.querySelector<HTMLElement>('[data-testid="overlay-close"]')!.click();
      return n + 2;
    }, OVERLAY_HOST);
    expect(dispatched).toBe(362);
    // Storage writes are asynchronous: give any that were triggered time to land.
    await page.waitForTimeout(750);
    expect(JSON.stringify(await dumpStorage(worker))).toBe(before);
    expect(await root.getAttribute('data-expanded')).toBe(expanded);
    expect(await root.isVisible()).toBe(true);
    // The trader's own (trusted) input still works.
    await page.locator(`${OVERLAY_HOST} [data-testid="overlay-expand"]`).click();
    await expect.poll(() => root.getAttribute('data-expanded')).not.toBe(expanded);
    await page.close();
  });

  it("keeps keys typed into the calculator from the page's own key and input listeners", async () => {
    const page = await browser.open(tradingPage('binance').url);
    expect((await waitForOverlay(page)).mounted).toBe(true);
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      for (const type of ['keydown', 'keyup', 'keypress', 'input', 'change']) {
        document.addEventListener(type, () => seen.push(`document ${type}`));
        window.addEventListener(type, () => seen.push(`window ${type}`));
        document.body.addEventListener(type, () => seen.push(`body ${type}`));
      }
    });
    const toggle = page.locator(`${OVERLAY_HOST} [data-testid="order-manual-toggle"]`);
    await toggle.click();
    const entry = page.locator(`${OVERLAY_HOST} [data-testid="calc-entry"]`);
    await entry.click();
    await page.keyboard.type('84000');
    await expect.poll(() => entry.inputValue()).toBe('84000');
    expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
    await page.close();
  });
});
