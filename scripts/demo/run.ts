/**
 * The demo: LiqLens on a recorded Binance futures page with recorded market data replayed.
 * Headless (no display): screenshots into demo-output/, then exit. Headed: the browser stays
 * open on the trading page, the popup and the options page until its window is closed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { configure, launchBrowser, RECORDED_VENUES, ROOT, SetupError, type ExtensionBrowser } from '../lib/extension-browser.ts';
import { tradingPage } from '../lib/fixture-sites.ts';
import { demoOrder, expandOverlay, waitForOverlay } from '../lib/overlay-driver.ts';

const OUT_DIR = path.join(ROOT, 'demo-output');

function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function shoot(page: Page, file: string, shots: string[]): Promise<void> {
  const target = path.join(OUT_DIR, file);
  await page.screenshot({ path: target });
  shots.push(target);
}

function summarizeRequests(browser: ExtensionBrowser): void {
  const replayed = browser.requests.filter((r) => r.served === 'replay');
  const missing = browser.requests.filter((r) => r.served === 'missing');
  console.log(`Replayed ${replayed.length} recorded API response(s) to the background; nothing left the machine.`);
  if (!missing.length) console.log('Every request the product made had a recording (no 404 fallback).');
  if (missing.length) {
    const unique = [...new Set(missing.map((r) => `${r.method} ${r.url.split('?')[0]}`))];
    console.log(`No recording for ${unique.length} endpoint(s) (answered 404, shown as source errors):`);
    for (const u of unique.slice(0, 12)) console.log(`  ${u}`);
  }
}

async function headless(browser: ExtensionBrowser): Promise<number> {
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const shots: string[] = [];
  const site = tradingPage('binance');
  const page = await browser.open(site.url);
  const overlay = await waitForOverlay(page);
  if (overlay.mounted) {
    await shoot(page, '1-overlay-on-binance.png', shots);
    if (await expandOverlay(page)) await shoot(page, '2-overlay-expanded.png', shots);
    if (await demoOrder(page)) await shoot(page, '3-overlay-with-order.png', shots);
  } else {
    console.log(`The overlay did not appear on ${site.url} (${overlay.reason}); the screenshot shows the page as it is.`);
    await shoot(page, '1-trading-page.png', shots);
  }
  const popup = await browser.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.waitForLoadState('load');
  await shoot(popup, '4-popup.png', shots);
  const options = await browser.openExtensionPage('options.html');
  await options.waitForLoadState('load');
  await shoot(options, '5-options.png', shots);
  // The side panel's page, opened as a tab at a side panel's width (Chrome opens the real panel only on a user gesture).
  for (const [view, file] of [
    ['heatmap&lookback=72', '6-sidepanel-heatmap.png'],
    ['map', '7-sidepanel-map.png'],
  ] as const) {
    const panel = await browser.openExtensionPage(`sidepanel.html?market=binance:BTC/USDT:USDT&view=${view}`);
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel
      .locator('[data-testid="sidepanel-root"][data-state="ready"]')
      .waitFor({ timeout: 30_000 })
      .catch(() => console.log(`The side panel (${view}) did not get its chart data; the screenshot shows it as it is.`));
    await panel.waitForTimeout(300);
    await shoot(panel, file, shots);
  }

  summarizeRequests(browser);
  // Every request of the run, for finding replay gaps (the summary above lists only the endpoints).
  fs.writeFileSync(path.join(OUT_DIR, 'requests.json'), `${JSON.stringify(browser.requests, null, 1)}\n`);
  console.log(`\nScreenshots (${shots.length}) in ${path.relative(process.cwd(), OUT_DIR) || OUT_DIR}/:`);
  for (const s of shots) console.log(`  ${path.relative(process.cwd(), s)}`);
  return 0;
}

async function headed(browser: ExtensionBrowser): Promise<number> {
  const site = tradingPage('binance');
  await browser.openExtensionPage('options.html');
  await browser.openExtensionPage('popup.html');
  await browser.openExtensionPage('sidepanel.html?market=binance:BTC/USDT:USDT');
  const page = await browser.open(site.url);
  await page.bringToFront();
  for (const blank of browser.context.pages().filter((p) => p.url() === 'about:blank')) await blank.close();
  console.log(`LiqLens is running on ${site.url} (a recorded page; market data replayed from test/fixtures/replay).`);
  console.log('The popup, options and side panel (chart) pages are open in their own tabs. Close the browser window to end the demo.');
  await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
  return 0;
}

/** Key-less sources only for the venues with recordings: the others would only show 404 errors. */
async function useRecordedVenues(browser: ExtensionBrowser): Promise<void> {
  await configure(browser, { keylessVenues: RECORDED_VENUES });
  const off = Object.entries(RECORDED_VENUES)
    .filter(([, on]) => !on)
    .map(([v]) => v);
  console.log(`Key-less data from Binance only (recorded); switched off for ${off.join(', ')}: no recordings exist for them.`);
}

export async function runDemo(args: string[]): Promise<number> {
  const wantHeadless = args.includes('--headless') || (!args.includes('--headed') && !hasDisplay());
  let browser: ExtensionBrowser | null = null;
  try {
    browser = await launchBrowser({ headless: wantHeadless, viewport: wantHeadless ? { width: 1440, height: 900 } : null });
    await useRecordedVenues(browser);
    return wantHeadless ? await headless(browser) : await headed(browser);
  } catch (error) {
    console.error(error instanceof SetupError ? error.message : error);
    return 1;
  } finally {
    if (wantHeadless) await browser?.close();
    else if (browser) import('node:fs').then((f) => f.rmSync(browser!.userDataDir, { recursive: true, force: true }));
  }
}
