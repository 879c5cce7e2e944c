import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/lib/extension-browser.ts';
import type { Page } from 'playwright-core';
import { configure } from '../../scripts/lib/extension-browser.ts';
import { axeViolations, screenshot, tradingPage, useRecordedBrowser, type ExtensionBrowser } from './harness';
import { demoOrder, OVERLAY_HOST, waitForOverlay } from '../../scripts/lib/overlay-driver.ts';

let browser: ExtensionBrowser & { extensionId: string };
const MARKET = 'binance:BTC/USDT:USDT';

useRecordedBrowser((b) => {
  browser = b;
});

/** The side panel as Chrome shows it (an extension page), at a side panel's width. */
async function openPanel(query: string): Promise<Page> {
  const page = await browser.openExtensionPage(`sidepanel.html?market=${MARKET}&${query}`);
  await page.setViewportSize({ width: 420, height: 900 });
  await page.getByTestId('sidepanel-root').waitFor();
  await expect.poll(() => page.getByTestId('sidepanel-root').getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
  return page;
}

describe('the side panel chart with replayed Binance data', () => {
  it('is declared as a Chrome side panel with the sidePanel permission and a keyboard command', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'sidePanel']);
    expect(Object.keys(manifest.commands as object)).toContain('open-chart');
  });

  it('draws the heatmap with its legend, provenance and table from the replayed data', async () => {
    const page = await openPanel('view=heatmap&lookback=72');
    await page.getByTestId('chart-heatmap').waitFor();
    // Labelled as an estimate, with its source, venues, preset and age.
    expect(await page.getByTestId('chart-estimate').textContent()).toBe('Estimate');
    const provenance = (await page.getByTestId('chart-provenance').textContent())!;
    expect(provenance).toMatch(/venues: Binance · preset: liqlens · newest bar .* ago/);
    // The legend's top tick is the densest cell's USD; the table lists one row per hour of the lookback.
    const ticks = await page.getByTestId('chart-legend').locator('.ll-legend-ticks span').allTextContents();
    expect(ticks[0]).toBe('$0');
    expect(ticks[4]).toMatch(/^\$\d/);
    await page.getByTestId('chart-heat-table').locator('summary').click();
    const rows = await page.getByTestId('chart-heat-table').locator('tbody tr').count();
    expect(rows).toBeGreaterThan(60);
    expect(rows).toBeLessThanOrEqual(72);
    await page.getByTestId('chart-heat-table').locator('summary').click();
    // Hovering the heat says the hour, the price and the USD there.
    const box = (await page.getByTestId('chart-heatmap').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await expect.poll(() => page.getByTestId('chart-heat-readout').textContent()).toMatch(/\$[\d,.]+: ≈\$/);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await screenshot(page, 'sidepanel-heatmap-dark', { docs: true });
    // A lookback switch asks again and redraws.
    await page.getByTestId('chart-lookback-12').click();
    await expect.poll(() => page.getByTestId('chart-lookback-12').getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('paints its first heatmap frame from the data on a plain canvas, then hands over to the chart library', async () => {
    const page = await browser.context.newPage();
    // At the first-paint mark (the bench's), note what the plain canvas holds: coloured heat cells and candles.
    await page.addInitScript(() => {
      const mark = performance.mark.bind(performance);
      performance.mark = ((name: string, options?: PerformanceMarkOptions) => {
        if (name === 'liqlens:chart-painted') {
          const sketch = document.querySelector<HTMLCanvasElement>('[data-testid="chart-heat-sketch"]');
          const px = sketch?.getContext('2d')?.getImageData(0, 0, sketch.width, sketch.height).data;
          const colours = new Set<number>();
          for (let i = 0; px && i < px.length; i += 4 * 7) colours.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
          (globalThis as { __firstFrame?: unknown }).__firstFrame = {
            sketch: sketch !== null,
            colours: colours.size,
            library: document.querySelector('[data-testid="chart-heatmap"]') !== null,
            estimate: document.querySelector('[data-testid="chart-estimate"]')?.textContent ?? null,
          };
        }
        return mark(name, options);
      }) as typeof performance.mark;
    });
    await page.setViewportSize({ width: 420, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?market=${MARKET}&view=heatmap&lookback=168`);
    await page.waitForFunction(() => (globalThis as { __firstFrame?: unknown }).__firstFrame !== undefined, undefined, { timeout: 30_000 });
    const first = (await page.evaluate(() => (globalThis as { __firstFrame?: unknown }).__firstFrame)) as {
      sketch: boolean;
      colours: number;
      library: boolean;
      estimate: string | null;
    };
    // The first frame is the data drawn without the library, under the same "Estimate" label and provenance.
    expect(first).toMatchObject({ sketch: true, library: false, estimate: 'Estimate' });
    expect(first.colours).toBeGreaterThan(20);
    // The library's chart then takes over, and the sketch goes.
    await page.getByTestId('chart-heatmap').waitFor();
    await expect.poll(() => page.getByTestId('chart-heat-sketch').count()).toBe(0);
    await page.close();
  });

  it('draws the liquidation map and walks it by keyboard, with a table for screen readers', async () => {
    const page = await openPanel('view=map');
    const map = page.getByTestId('chart-map');
    await map.waitFor();
    expect(await map.getAttribute('role')).toBe('img');
    expect(await map.getAttribute('aria-label')).toMatch(/Liquidation map for Binance BTC\/USDT:USDT/);
    // Tab reaches the chart; ↓ picks the nearest long bucket below price and says its figures.
    await map.focus();
    await page.keyboard.press('ArrowDown');
    const first = (await page.getByTestId('chart-map-readout').textContent())!;
    expect(first).toMatch(/^Longs \$[\d,.]+–\$[\d,.]+: \$[\d.]+[kMB]? in this bucket, \$[\d.]+[kMB]? from price to here$/);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    const sixth = (await page.getByTestId('chart-map-readout').textContent())!;
    expect(sixth).not.toBe(first);
    // Cumulative grows away from price: the sixth bucket's is at least the first's (same table rows).
    await page.getByTestId('chart-map-table').locator('summary').click();
    const table = page.getByTestId('chart-map-table').locator('tbody tr');
    expect(await table.count()).toBeGreaterThan(10);
    expect(await page.getByTestId('chart-map-table').locator('caption').textContent()).toMatch(/estimate/);
    await page.getByTestId('chart-map-table').locator('summary').click();
    await page.keyboard.press('Escape');
    await map.focus();
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(200);
    await screenshot(page, 'sidepanel-map-dark', { docs: true });
    await page.close();
  });

  it('is offered in the expanded overlay on the trading page', async () => {
    const { expandOverlay, OVERLAY_HOST, waitForOverlay } = await import('../../scripts/lib/overlay-driver.ts');
    const { tradingPage } = await import('./harness');
    const page = await browser.open(tradingPage('binance').url);
    expect((await waitForOverlay(page)).mounted).toBe(true);
    expect(await expandOverlay(page)).toBe(true);
    const button = page.locator(`${OVERLAY_HOST} [data-testid="overlay-open-chart"]`);
    expect(await button.textContent()).toBe('Open chart (Alt+Shift+K)');
    await page.close();
  });

  it('shows the compact map in the popup, walkable by keyboard', async () => {
    const popup = await browser.openExtensionPage(`popup.html?market=${MARKET}`);
    await popup.setViewportSize({ width: 400, height: 900 });
    const map = popup.getByTestId('popup-map');
    await map.waitFor({ timeout: 30_000 });
    await map.focus();
    await popup.keyboard.press('ArrowUp');
    // ↑ starts at the short bucket nearest above the mark ($84,028.1).
    const readout = (await popup.getByTestId('popup-map-readout').textContent())!;
    expect(readout).toMatch(/^Shorts \$84,028\.1–\$[\d,.]+: \$/);
    expect(await popup.getByTestId('popup-open-chart').isVisible()).toBe(true);
    await screenshot(popup, 'popup-map', { docs: true });
    await popup.close();
  });

  it('in the light theme and in Chinese', async () => {
    await configure(browser, { theme: 'light' });
    const light = await openPanel('view=heatmap&lookback=72');
    await light.waitForTimeout(500);
    await screenshot(light, 'sidepanel-heatmap-light', { docs: true });
    await light.close();
    const lightMap = await openPanel('view=map');
    await lightMap.waitForTimeout(300);
    await screenshot(lightMap, 'sidepanel-map-light', { docs: true });
    await lightMap.close();
    await configure(browser, { theme: 'auto', language: 'zh_CN' });
    const zh = await openPanel('view=heatmap&lookback=72');
    await zh.waitForTimeout(500);
    expect(await zh.getByTestId('chart-estimate').textContent()).toBe('估算');
    await screenshot(zh, 'sidepanel-heatmap-zh', { docs: true });
    await zh.close();
    const zhMap = await openPanel('view=map');
    await zhMap.waitForTimeout(300);
    await screenshot(zhMap, 'sidepanel-map-zh', { docs: true });
    await zhMap.close();
    await configure(browser, { language: 'auto' });
  });
});

describe('the side panel following a trading tab with an order (issue #13)', () => {
  it('draws the order and the liquidation price from the page, and drops them for another market', async () => {
    const page = await browser.open(tradingPage('binance').url);
    expect((await waitForOverlay(page)).mounted).toBe(true);
    expect(await demoOrder(page, '0.5')).toBe(true);
    const overlayLiq = page.locator(`${OVERLAY_HOST} [data-testid="order-liq-long"]`);
    await overlayLiq.waitFor({ timeout: 15_000 });
    const figure = (await overlayLiq.textContent())!.match(/\$[\d,]+\.\d/)![0];
    // The panel (no market in its URL: it follows) asks the active tab of its window, as Chrome's side panel does.
    const panel = await browser.openExtensionPage('sidepanel.html');
    await panel.setViewportSize({ width: 420, height: 1000 });
    await page.bringToFront();
    await panel.reload();
    await expect.poll(() => panel.getByTestId('sidepanel-root').getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
    expect(await panel.getByTestId('chart-follow').textContent()).toContain('Follows the active tab');
    const table = panel.getByTestId('chart-your-lines-table');
    await table.waitFor({ timeout: 20_000 });
    // The liquidation price is computed in the panel and matches the overlay's (the fixture form has no
    // side yet: a sell would close the position, so only "if you buy" has a price, as in the overlay);
    // the order line is the form's limit price.
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    expect((await page.locator(`${OVERLAY_HOST} [data-testid^="order-"]`).allTextContents()).join(' ')).toContain('If you sell: position closed');
    expect(rows.find((r) => r[0] === 'Liq. if you buy')?.[1], JSON.stringify(rows)).toBe(figure);
    expect(rows.filter((r) => r[0]?.startsWith('Liq.'))).toHaveLength(1);
    const limit = await page.locator('input[aria-label="Price"]').first().inputValue();
    expect(rows.find((r) => r[0] === 'Your order')?.[1]).toBe(`$${limit}`);
    expect(await panel.getByTestId('chart-your-lines-source').textContent()).toMatch(/your order, from the page, and its liquidation price, computed here/);
    await panel.waitForTimeout(500);
    await screenshot(panel, 'sidepanel-heatmap-your-lines', { docs: true });
    await panel.getByTestId('chart-view-map').click();
    await panel.getByTestId('chart-map').waitFor();
    await panel.waitForTimeout(300);
    expect(await panel.getByTestId('chart-your-lines-table').count()).toBe(1);
    await screenshot(panel, 'sidepanel-map-your-lines', { docs: true });
    // axe on the panel with the lines, in the map view.
    expect(await axeViolations(panel)).toEqual([]);
    // Another market picked here: the tab's order is not drawn on it.
    await panel.getByTestId('chart-market').selectOption('ETH/USDT:USDT');
    await expect.poll(() => panel.getByTestId('chart-follow').textContent(), { timeout: 20_000 }).toContain('Picked here');
    await expect.poll(() => panel.getByTestId('chart-your-lines').count(), { timeout: 20_000 }).toBe(0);
    // Following the tab again brings them back.
    await panel.getByTestId('chart-follow-tab').click();
    await expect.poll(() => panel.getByTestId('chart-your-lines').count(), { timeout: 20_000 }).toBe(1);
    await panel.close();
    await page.close();
  }, 150_000);

  it('axe finds no WCAG A/AA violation in the side panel (heatmap with its table open, map), dark and light', async () => {
    for (const theme of ['dark', 'light'] as const) {
      await configure(browser, { theme });
      const heat = await openPanel('view=heatmap&lookback=24');
      await heat.getByTestId('chart-heatmap').waitFor();
      await heat.getByTestId('chart-heat-table').waitFor();
      await heat.getByTestId('chart-heat-table').locator('summary').click();
      expect(await axeViolations(heat), `${theme} heatmap`).toEqual([]);
      await heat.close();
      const map = await openPanel('view=map');
      await map.getByTestId('chart-map').waitFor();
      await map.getByTestId('chart-map-table').locator('summary').click();
      expect(await axeViolations(map), `${theme} map`).toEqual([]);
      if (theme === 'light') {
        // The scan can fail: a control without a name in the panel is found.
        await map.evaluate(() => document.querySelector('main')!.append(document.createElement('button')));
        expect((await axeViolations(map)).join('\n')).toMatch(/^button-name: /m);
      }
      await map.close();
    }
    await configure(browser, { theme: 'auto', language: 'zh_CN' });
    const zh = await openPanel('view=heatmap&lookback=24');
    await zh.getByTestId('chart-heat-table').waitFor();
    expect(await axeViolations(zh), 'zh_CN heatmap').toEqual([]);
    await zh.close();
    await configure(browser, { language: 'auto' });
  });
});
