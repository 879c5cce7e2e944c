/**
 * E2E harness: the built extension in real headless Chromium, with every request answered from
 * fixtures (scripts/lib/extension-browser.ts). Helpers here are what the E2E files share:
 * messaging from an extension page, reading the worker's real IndexedDB, screenshots, and a
 * check for whether the content script ran in a page.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { configure, launchBrowser, RECORDED_VENUES, ROOT, type ExtensionBrowser, type LaunchOptions } from '../../scripts/lib/extension-browser.ts';

export { ROOT, type ExtensionBrowser } from '../../scripts/lib/extension-browser.ts';
export { TRADING_PAGES, SENSITIVE_PAGES, tradingPage } from '../../scripts/lib/fixture-sites.ts';

/** Launches Chromium with the extension; a missing Chromium or build stops with one sentence. */
export async function startBrowser(options: LaunchOptions = {}): Promise<ExtensionBrowser & { extensionId: string }> {
  const browser = await launchBrowser(options);
  if (!browser.extensionId) throw new Error('The extension did not start a service worker.');
  return browser as ExtensionBrowser & { extensionId: string };
}

/**
 * One browser for a test file, opened before its tests with key-less data from the recorded venues
 * only (the others would get nothing but 404s) and closed after them. `ready` receives it (and may
 * prepare more, e.g. open a page) before the first test.
 */
export function useRecordedBrowser(ready: (browser: ExtensionBrowser & { extensionId: string }) => unknown, options: LaunchOptions = {}): void {
  let opened: (ExtensionBrowser & { extensionId: string }) | undefined;
  beforeAll(async () => {
    opened = await startBrowser(options);
    await configure(opened, { keylessVenues: RECORDED_VENUES });
    await ready(opened);
  });
  afterAll(async () => {
    await opened?.close();
  });
}

/** Sends one raw message to the background from an extension page, as the popup does. */
export function sendMessage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

export interface StoreDump {
  database: string;
  version: number;
  store: string;
  count: number;
  keys: string[];
}

/**
 * Everything in the extension's IndexedDB, read inside the service worker with the raw API (no
 * product code involved), so it shows what is really on disk.
 */
export function dumpIndexedDb(worker: Worker): Promise<StoreDump[]> {
  return worker.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const out: { database: string; version: number; store: string; count: number; keys: string[] }[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const tx = db.transaction(store, 'readonly').objectStore(store);
        const count = await request(tx.count());
        const keys = (await request(tx.getAllKeys(null, 200))).map((k) => JSON.stringify(k));
        out.push({ database: info.name, version: db.version, store, count, keys });
      }
      db.close();
    }
    return out;
  });
}

/** Everything in chrome.storage.local, read inside the worker. */
export function dumpStorage(worker: Worker): Promise<Record<string, unknown>> {
  return worker.evaluate(() => chrome.storage.local.get(null));
}

/**
 * Names of the extension isolated worlds created in a page: a content script that ran leaves
 * one named after the extension. Listens from before navigation, so nothing is missed.
 */
export async function openAndWatchContentScript(browser: ExtensionBrowser, url: string): Promise<{ page: Page; ran: () => boolean }> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => {
    const ctx = event.context as { origin: string; auxData?: { type?: string } };
    if (ctx.auxData?.type === 'isolated') origins.push(ctx.origin);
  });
  await cdp.send('Runtime.enable');
  await page.goto(url, { waitUntil: 'load' });
  // document_idle scripts run by the time of window.onload; give the queue one more turn.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  return { page, ran: () => origins.includes(`chrome-extension://${browser.extensionId}`) };
}

export const SCREENSHOT_DIR = path.join(ROOT, 'test-output/screenshots');
export const DOCS_SCREENSHOT_DIR = path.join(ROOT, 'docs/screenshots');

/**
 * Saves a screenshot to test-output/screenshots/. Those marked `docs` also refresh the committed
 * copy in docs/screenshots/ (shown by the README) when LIQLENS_DOCS_SCREENSHOTS=1 or when it is
 * missing, so an ordinary test run does not dirty the tree with pixel-level changes.
 */
export async function screenshot(
  target: Page | { screenshot: Page['screenshot'] },
  name: string,
  opts: { docs?: boolean; clip?: { x: number; y: number; width: number; height: number } } = {},
): Promise<Buffer> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const png = await target.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), ...(opts.clip ? { clip: opts.clip } : {}) });
  const docsFile = path.join(DOCS_SCREENSHOT_DIR, `${name}.png`);
  if (opts.docs && (process.env.LIQLENS_DOCS_SCREENSHOTS === '1' || !fs.existsSync(docsFile))) {
    fs.mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
    fs.writeFileSync(docsFile, png);
  }
  return png;
}

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG A/AA rules (and heading-order) on a page, or inside one element of it: each violation with its targets. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    const axe = (
      globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }
    ).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    // heading-order is an axe best practice, not a WCAG tag: asked for by name.
    const order = await axe.run(selector ? { include: [[selector]] } : document, { runOnly: { type: 'rule', values: ['heading-order'] } });
    return [...result.violations, ...order.violations].map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  }, include ?? null);
}
