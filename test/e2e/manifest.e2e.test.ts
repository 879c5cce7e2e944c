import { describe, expect, it } from 'vitest';
import { apiHostPermissions, contentScriptMatches } from '../../core/venues/registry';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR } from '../../scripts/lib/extension-browser.ts';
import { waitForOverlay } from '../../scripts/lib/overlay-driver.ts';
import { openAndWatchContentScript, SENSITIVE_PAGES, useRecordedBrowser, TRADING_PAGES, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser & { extensionId: string };

useRecordedBrowser((b) => (browser = b));

describe('the loaded extension holds the least-privilege baseline', () => {
  it('is granted exactly storage, alarms and sidePanel, and host access only to the API hosts', async () => {
    const worker = await browser.serviceWorker();
    const granted = await worker.evaluate(() => chrome.permissions.getAll());
    // sidePanel: Chrome requires it for the side_panel manifest key and sidePanel.open() (no install warning).
    expect([...(granted.permissions ?? [])].sort()).toEqual(['alarms', 'sidePanel', 'storage']);
    // Chrome grants host permissions per origin (it drops the path: OKX's "/api/*" becomes the
    // whole www.okx.com) and lists the content-script matches among the granted origins.
    const apiOrigins = apiHostPermissions().map((h) => `${new URL(h.replace(/\*/g, 'x')).origin}/*`);
    expect([...(granted.origins ?? [])].sort()).toEqual([...new Set([...apiOrigins, ...contentScriptMatches()])].sort());
  });

  it('declares no broad or sensitive permission in the manifest Chromium loaded', async () => {
    const worker = await browser.serviceWorker();
    const manifest = (await worker.evaluate(() => chrome.runtime.getManifest())) as {
      manifest_version: number;
      permissions?: string[];
      host_permissions?: string[];
      content_scripts?: { matches: string[] }[];
      content_security_policy?: unknown;
    };
    expect(manifest.manifest_version).toBe(3);
    const everything = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? []), ...(manifest.content_scripts ?? []).flatMap((c) => c.matches)];
    for (const forbidden of ['<all_urls>', 'tabs', 'cookies', 'webRequest', 'webRequestBlocking', 'scripting', 'history', 'clipboardRead', 'debugger']) {
      expect(everything, forbidden).not.toContain(forbidden);
    }
    expect(
      everything.filter((p) => /^(\*|https?):\/\/\*\//.test(p)),
      'a host wildcard',
    ).toEqual([]);
    // MV3's default CSP (no remote code) holds when the manifest does not override it.
    expect(manifest.content_security_policy).toBeUndefined();
  });
});

describe("the content script's files", () => {
  it("inject the small opening-request file at document start, on exactly the main file's pages, and neither is web-accessible", async () => {
    const worker = await browser.serviceWorker();
    const manifest = (await worker.evaluate(() => chrome.runtime.getManifest())) as {
      content_scripts?: { js?: string[]; matches?: string[]; exclude_matches?: string[]; run_at?: string }[];
      web_accessible_resources?: unknown;
    };
    const entries = manifest.content_scripts ?? [];
    expect(entries.map((c) => [c.js, c.run_at])).toEqual([
      [['first-answer.js'], 'document_start'],
      // No run_at: the browser's default, document_idle.
      [['content-scripts/exchange.js'], undefined],
    ]);
    expect(entries[0]!.matches).toEqual(entries[1]!.matches);
    expect(entries[0]!.exclude_matches).toEqual(entries[1]!.exclude_matches);
    expect(manifest.web_accessible_resources).toBeUndefined();
    // Small, because it runs before anything else: no polyfill, no URL rules, no page reader, no UI.
    const first = fs.readFileSync(path.join(EXTENSION_DIR, 'first-answer.js'), 'utf8');
    expect(first.length).toBeLessThan(2 * 1024);
    expect(first).not.toMatch(/webextension-polyfill|getBoundingClientRect|futures/);
  });
});

describe('the opening request', () => {
  it('is asked once per page load: the main file (document idle) takes the answer the document-start file asked for', async () => {
    const worker = await browser.serviceWorker();
    // A second listener in the worker only counts (it answers nothing, so the product's own answers).
    await worker.evaluate(() => {
      const g = globalThis as unknown as {
        __openRequests?: number;
        chrome: { runtime: { onMessage: { addListener(fn: (message: unknown) => undefined): void } } };
      };
      g.__openRequests = 0;
      g.chrome.runtime.onMessage.addListener((message: unknown) => {
        if ((message as { command?: unknown } | null)?.command === 'overlay.open') g.__openRequests! += 1;
        return undefined;
      });
    });
    const url = TRADING_PAGES.find((p) => p.venue === 'binance')!.url;
    for (let load = 1; load <= 2; load++) {
      const page = await browser.open(url);
      expect((await waitForOverlay(page)).mounted).toBe(true);
      await page.waitForTimeout(300);
      await page.close();
      // Were the hand-over lost between the two manifest entries, the main file would ask again: two a load.
      expect(await worker.evaluate(() => (globalThis as unknown as { __openRequests: number }).__openRequests)).toBe(load);
    }
  });
});

describe('where the content script runs', () => {
  it.each(TRADING_PAGES.map((p) => [p.venue, p.url]))('runs on the %s trading page %s', async (_venue, url) => {
    const { page, ran } = await openAndWatchContentScript(browser, url);
    await expect.poll(ran, { timeout: 10_000 }).toBe(true);
    await page.close();
  });

  it.each(SENSITIVE_PAGES.map((p) => [p.url]))('never runs on the account page %s, even when served', async (url) => {
    const { page, ran } = await openAndWatchContentScript(browser, url);
    // The fixture really was served there (so the negative is meaningful)…
    expect(await page.locator('input[name="apiKey"]').count()).toBe(1);
    // …and no LiqLens isolated world was created in it.
    expect(ran()).toBe(false);
    await page.close();
  });

  it('leaves no request unanswered by fixtures while loading trading pages', () => {
    const missing = browser.requests.filter((r) => r.served === 'missing' && !r.fromServiceWorker && !r.url.endsWith('/favicon.ico'));
    expect(missing).toEqual([]);
  });
});
