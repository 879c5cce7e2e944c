/**
 * Drives the LiqLens overlay on a fixture page from outside, through its data-testids (Playwright
 * locators pierce the open shadow root of <liqlens-overlay>). Used by the demo, E2E and benches.
 */
import type { Locator, Page } from 'playwright-core';

export const OVERLAY_HOST = 'liqlens-overlay';

export const overlayRoot = (page: Page): Locator => page.locator(`${OVERLAY_HOST} [data-testid="overlay-root"]`);

/** Waits for the overlay to mount and to leave its loading state (whatever it settles on). */
export async function waitForOverlay(page: Page, timeout = 20_000): Promise<{ mounted: boolean; state: string | null; reason: string }> {
  try {
    await page.locator(OVERLAY_HOST).waitFor({ state: 'attached', timeout });
  } catch {
    return { mounted: false, state: null, reason: `no <${OVERLAY_HOST}> element after ${timeout / 1000} s` };
  }
  const root = overlayRoot(page);
  try {
    await root.waitFor({ state: 'visible', timeout });
    await page.waitForFunction(
      (host) => {
        const el = document.querySelector(host)?.shadowRoot?.querySelector('[data-testid="overlay-root"]');
        return el !== null && el !== undefined && el.getAttribute('data-state') !== 'loading';
      },
      OVERLAY_HOST,
      { timeout },
    );
  } catch {
    return { mounted: true, state: await root.getAttribute('data-state').catch(() => null), reason: 'still loading' };
  }
  return { mounted: true, state: await root.getAttribute('data-state'), reason: '' };
}

/** Expands the overlay if it is compact; false when there is no expand control. */
export async function expandOverlay(page: Page): Promise<boolean> {
  const root = overlayRoot(page);
  const button = page.locator(`${OVERLAY_HOST} [data-testid="overlay-expand"]`);
  if ((await button.count()) === 0) return false;
  if ((await root.getAttribute('data-expanded')) !== 'true') await button.click();
  await page.locator(`${OVERLAY_HOST} [data-testid="overlay-root"][data-expanded="true"]`).waitFor({ timeout: 5_000 });
  return true;
}

/** Order-size inputs of the fixture pages, most specific first (the page reader's fixtures). */
const SIZE_INPUTS = [
  'input[id^="unitAmount-"]',
  'input[name="f_order"]',
  'input[data-testid*="amount" i]',
  'input[aria-label*="size" i]',
  'input[placeholder*="size" i]',
  'input[placeholder*="amount" i]',
];

/** The page's visible order-size input, or null. */
export async function orderSizeInput(page: Page): Promise<Locator | null> {
  for (const selector of SIZE_INPUTS) {
    const input = page.locator(selector).first();
    if ((await input.count()) > 0 && (await input.isVisible())) return input;
  }
  return null;
}

/** Types an order size on the page as a trader would; false when no size input is found. */
export async function demoOrder(page: Page, size = '0.5'): Promise<boolean> {
  const input = await orderSizeInput(page);
  if (!input) return false;
  await input.click();
  await input.fill('');
  await input.pressSequentially(size, { delay: 30 });
  // The overlay answers with a liquidation price, an error, or a waiting message.
  await page
    .locator(`${OVERLAY_HOST} [data-testid^="order-liq-"], ${OVERLAY_HOST} [data-testid^="order-error-"]`)
    .first()
    .waitFor({ timeout: 5_000 })
    .catch(() => undefined);
  return true;
}
