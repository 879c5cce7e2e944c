import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, PRODUCTION_DIR, ROOT } from '../../scripts/lib/extension-browser.ts';
import { useRecordedBrowser, tradingPage, type ExtensionBrowser } from './harness';

// Issue #16: what a trading page cannot do to the overlay of the build that ships. This file loads
// the production build (.output/chrome-mv3, `npm run build`), not the E2E build the other files use.
const HOST = 'liqlens-overlay';
const FIREFOX_DIR = path.join(ROOT, '.output/firefox-mv2');

const jsFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(dir, f));
const allJs = (dir: string) =>
  jsFiles(dir)
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');

/** How the minifier writes the option that opens the root (it quotes with backticks). */
const OPEN_ROOT = /mode:\s*[`"']open[`"']/;

/** Test hooks and switches that only the E2E build may contain. */
const TEST_ONLY = [/__liqlens\b/, /readSnapshotFromDb/, /streamsRunning/, /__LIQLENS_TEST_BUILD__/, /liqlens:test:/];

describe('the production bundles', () => {
  it.each([
    ['chrome-mv3', PRODUCTION_DIR],
    ['firefox-mv2', FIREFOX_DIR],
  ])('%s has no test hooks and no open shadow root', (_name, dir) => {
    expect(fs.existsSync(path.join(dir, 'manifest.json')), `${dir} is built`).toBe(true);
    // Booleans, not toMatch: a failure should not print whole bundles.
    const code = allJs(dir);
    for (const pattern of TEST_ONLY) expect(pattern.test(code), `${pattern} in ${dir}`).toBe(false);
    const content = fs.readFileSync(path.join(dir, 'content-scripts/exchange.js'), 'utf8');
    expect(content.includes('attachShadow')).toBe(true);
    expect(OPEN_ROOT.test(content), 'an open shadow root').toBe(false);
    expect(/[`"']closed[`"']/.test(content)).toBe(true);
  });

  it('the E2E build is the one that has them (so the check above can see them)', () => {
    expect(/__liqlens\b/.test(allJs(EXTENSION_DIR))).toBe(true);
    expect(/liqlens:test:/.test(allJs(EXTENSION_DIR))).toBe(true);
    expect(OPEN_ROOT.test(fs.readFileSync(path.join(EXTENSION_DIR, 'content-scripts/exchange.js'), 'utf8'))).toBe(true);
  });
});

describe('a page script against the production overlay', () => {
  let browser: ExtensionBrowser & { extensionId: string };
  useRecordedBrowser((b) => (browser = b), { extensionDir: PRODUCTION_DIR });

  /** data-testids inside the overlay, read through CDP (which sees closed roots; the page does not). */
  async function overlayTestIds(page: Page): Promise<string[]> {
    const cdp = await page.context().newCDPSession(page);
    type Node = { attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const ids: string[] = [];
    const walk = (n: Node) => {
      const a = n.attributes ?? [];
      for (let i = 0; i < a.length; i += 2) if (a[i] === 'data-testid') ids.push(a[i + 1]!);
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
    };
    walk(root);
    await cdp.detach();
    return ids;
  }

  async function openOverlay(): Promise<Page> {
    const page = await browser.open(tradingPage('binance').url);
    await page.locator(HOST).waitFor({ state: 'attached', timeout: 20_000 });
    await expect.poll(() => overlayTestIds(page), { timeout: 20_000 }).toContain('overlay-root');
    return page;
  }

  it('cannot reach the overlay DOM: the shadow root is closed', async () => {
    const page = await openOverlay();
    const seen = await page.evaluate((host) => {
      const el = document.querySelector(host)!;
      return {
        shadowRoot: el.shadowRoot === null ? null : 'reachable',
        testIds: Array.from(document.querySelectorAll('[data-testid]')).map((e) => e.getAttribute('data-testid')),
        text: el.textContent,
        // Attaching a second root to take it over fails on an element that already has one.
        attach: (() => {
          try {
            el.attachShadow({ mode: 'open' });
            return 'attached';
          } catch (e) {
            return (e as Error).name;
          }
        })(),
      };
    }, HOST);
    expect(seen.shadowRoot).toBeNull();
    const inOverlay = await overlayTestIds(page);
    expect(inOverlay).toContain('overlay-root');
    expect(seen.testIds.filter((id) => id !== null && inOverlay.includes(id) && id !== 'position-table')).toEqual([]);
    expect(seen.testIds).not.toContain('overlay-root');
    expect(seen.text).toBe('');
    expect(seen.attach).toBe('NotSupportedError');
    await page.close();
  });

  it('shows it in the top layer and puts it back when the page removes it', async () => {
    const page = await openOverlay();
    expect(await page.evaluate((host) => document.querySelector(host)!.matches(':popover-open'), HOST)).toBe(true);
    await page.evaluate((host) => document.querySelector(host)!.remove(), HOST);
    await expect.poll(() => page.evaluate((host) => document.querySelector(host)?.matches(':popover-open') ?? false, HOST), { timeout: 5_000 }).toBe(true);
    await page.evaluate(() => document.body.replaceChildren());
    await expect.poll(() => page.evaluate((host) => document.body.lastElementChild?.localName === host, HOST), { timeout: 5_000 }).toBe(true);
    expect(await overlayTestIds(page)).toContain('overlay-root');
    await page.close();
  });

  it('cannot stop the content script with WXT\'s "content script started" event', async () => {
    const page = await openOverlay();
    await page.evaluate(
      ({ id }) => {
        for (const name of ['exchange', 'content']) {
          document.dispatchEvent(new CustomEvent(`${id}:${name}:wxt:content-script-started`, { detail: { contentScriptName: name, messageId: 'page' } }));
        }
      },
      { id: browser.extensionId },
    );
    // A stopped script removes its host at once; give it time to.
    await page.waitForTimeout(500);
    expect(await page.locator(HOST).count()).toBe(1);
    // Still alive: a removed host comes back (a stopped script would not put it back).
    await page.evaluate((host) => document.querySelector(host)!.remove(), HOST);
    await expect.poll(() => page.locator(HOST).count(), { timeout: 5_000 }).toBe(1);
    await page.close();
  });
});
