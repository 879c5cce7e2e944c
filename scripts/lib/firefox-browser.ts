/**
 * Launches the system Firefox with the built Firefox extension (.output/firefox-mv2) installed as
 * a temporary add-on, driven through WebDriver BiDi by puppeteer-core (no browser download).
 * Every request is answered locally: Firefox's proxy prefs point at a loopback proxy
 * (loopback-proxy.ts) that serves the fixture trading pages under the real exchange URLs and the
 * recorded API responses (the same fixture-answer.ts table as the Chromium harness), hands the
 * stream hosts to the stream replay server, and refuses everything else.
 *
 * What BiDi does not give, and how this gets it (Firefox ESR 153, puppeteer-core 24.43):
 * - BiDi network interception does not see the extension's background page: hence the proxy.
 * - browsingContext.navigate refuses moz-extension:// URLs unless Firefox runs with
 *   --remote-allow-system-access; with it the navigation happens, but puppeteer's page.goto never
 *   sees it finish, so extension pages are opened with a raw navigate and a readyState poll.
 * - No BiDi realm is our content script's sandbox. With system access, a chrome-scope
 *   script.evaluate loads a frame script into the tab, which finds the sandbox through
 *   ExtensionContent.getAllContentScriptGlobals() (what DevTools uses) and evaluates there.
 * - The extension's moz-extension://<uuid>/ is fixed up front with the
 *   extensions.webextensions.uuids pref, keyed by the gecko id in the build's manifest.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { SetupError, ROOT } from './extension-browser.ts';
import { FIREFOX_HELP, FIREFOX_MIN_VERSION, findFirefox, firefoxMajorVersion } from './firefox.mjs';
import { SITE_HOSTS } from './fixture-sites.ts';
import { startLoopbackProxy, type LoopbackProxy } from './loopback-proxy.ts';
import { OVERLAY_HOST } from './overlay-driver.ts';
import { STREAM_HOSTS, startStreamServer } from './ws-replay-server.ts';

/** The E2E build (open shadow root; `LIQLENS_TEST_BUILD=1 wxt build -b firefox`); LIQLENS_FIREFOX_EXTENSION_DIR points at another. */
export const FIREFOX_EXTENSION_DIR = process.env.LIQLENS_FIREFOX_EXTENSION_DIR
  ? path.resolve(process.env.LIQLENS_FIREFOX_EXTENSION_DIR)
  : path.join(ROOT, '.output/firefox-mv2-test');

/**
 * The overlay's shadow root, for everything that reads it in Firefox: `deep` for puppeteer
 * selectors (`>>>` pierces open shadow roots, as Playwright locators do in Chromium) and
 * `rootInPage` for scripts running in the page. If the production shadow root is closed, this
 * is the one place to change.
 */
export const overlayAccess = {
  deep: (inner: string) => `${OVERLAY_HOST} >>> ${inner}`,
  rootInPage: `document.querySelector('${OVERLAY_HOST}')?.shadowRoot?.querySelector('[data-testid="overlay-root"]')`,
};
export const inOverlay = (testId: string) => overlayAccess.deep(`[data-testid="${testId}"]`);

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string } };
}

const hostOf = (pattern: string) => /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? null;

/** Hosts the proxy answers from fixtures: the fixture sites, and every host the build may reach. */
function exchangeHosts(manifest: Manifest): Set<string> {
  const patterns = [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []),
  ];
  const hosts = new Set<string>(SITE_HOSTS);
  for (const p of patterns) {
    const host = hostOf(p);
    if (host && !host.includes('*')) hosts.add(host);
  }
  return hosts;
}

export function firefoxPathOrThrow(): string {
  const found = findFirefox();
  if (!found) throw new SetupError(FIREFOX_HELP);
  const major = firefoxMajorVersion(found);
  if (major !== null && major < FIREFOX_MIN_VERSION) {
    throw new SetupError(
      `${found} is Firefox ${major}; the Firefox E2E suite needs ${FIREFOX_MIN_VERSION} or later (Debian/Ubuntu: sudo apt-get install -y firefox-esr).`,
    );
  }
  return found;
}

export interface FirefoxLaunchOptions {
  extensionDir?: string;
  clock?: () => number;
  viewport?: { width: number; height: number };
  colorScheme?: 'dark' | 'light';
  logMissing?: boolean;
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  version: string;
  /** The gecko id from the build's manifest. */
  extensionId: string;
  /** The moz-extension:// host, fixed up front through extensions.webextensions.uuids. */
  uuid: string;
  proxy: LoopbackProxy;
  /** Opens a web URL (answered by the proxy) in a new tab. */
  open: (url: string) => Promise<Page>;
  /** Opens popup.html, options.html… in a new tab and waits for the document to be complete. */
  openExtensionPage: (file: string) => Promise<Page>;
  /**
   * Evaluates `expression` (its value is awaited and turned into a string) inside our content
   * script's own sandbox in the tab showing `pageUrl`.
   */
  inContentScript: (pageUrl: string, expression: string) => Promise<string>;
  /**
   * From now on, every page our content script runs in gets `window.__liqlensContentScriptStart`:
   * the page's performance.now() when the content script's first file (first-answer.js) was
   * compiled, right before it runs (when its sandbox became a debuggee in time: at document start
   * it often does not), and `__liqlensContentScriptFile<i>` for its i-th later file
   * (a Debugger in the content process: onNewGlobalObject makes our content-script sandboxes
   * debuggees, onNewScript marks the files; no breakpoints or stepping).
   */
  markContentScriptStarts: () => Promise<void>;
  close: () => Promise<void>;
}

/** The frame script: finds our content script's sandbox in this tab and evaluates there. */
const probeFrameScript = (extensionId: string, pageUrl: string, expression: string, reply: string) => `
const { ExtensionContent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionContent.sys.mjs');
const send = (value) => sendAsyncMessage(${JSON.stringify(reply)}, String(value));
const ours = ExtensionContent.getAllContentScriptGlobals().filter((sb) => {
  try {
    return Cu.getSandboxMetadata(sb)?.addonId === ${JSON.stringify(extensionId)} && Cu.evalInSandbox('location.href', sb) === ${JSON.stringify(pageUrl)};
  } catch (e) {
    return false;
  }
});
if (ours.length === 0) send('no-sandbox');
else Promise.resolve(Cu.evalInSandbox(${JSON.stringify(expression)}, ours[0])).then(send, (e) => send('threw: ' + e));
`;

/** The process script behind markContentScriptStarts. */
const startMarkerProcessScript = (extensionId: string, files: string[]) => `(() => {
  const { addDebuggerToGlobal } = ChromeUtils.importESModule('resource://gre/modules/jsdebugger.sys.mjs');
  addDebuggerToGlobal(globalThis);
  const dbg = new Debugger();
  globalThis.liqlensStartMarker = dbg;
  const files = ${JSON.stringify(files.map((f) => `/${f}`))};
  const ours = (global) => {
    try {
      return Cu.getSandboxMetadata(global.unsafeDereference())?.addonId === ${JSON.stringify(extensionId)};
    } catch (e) {
      return false;
    }
  };
  dbg.onNewGlobalObject = (global) => {
    // Only our content-script sandboxes become debuggees, and only to hear of their scripts.
    Services.tm.dispatchToMainThread(() => {
      if (ours(global)) dbg.addDebuggee(global);
    });
  };
  dbg.onNewScript = (script, global) => {
    const index = files.findIndex((f) => script.url && script.url.endsWith(f));
    if (index < 0) return;
    const at = ChromeUtils.now();
    try {
      const win = Cu.evalInSandbox('window', (global ?? script.global).unsafeDereference());
      const name = index === 0 ? '__liqlensContentScriptStart' : '__liqlensContentScriptFile' + index;
      if (win.wrappedJSObject[name] === undefined) win.wrappedJSObject[name] = win.performance.now() - (ChromeUtils.now() - at);
    } catch (e) {}
  };
})();`;

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtensionBrowser> {
  const executablePath = firefoxPathOrThrow();
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new SetupError(`No built Firefox extension at ${path.relative(ROOT, extensionDir)}: run "npm run build:firefox" first.`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as Manifest;
  const extensionId = manifest.browser_specific_settings?.gecko?.id;
  if (!extensionId) throw new SetupError(`${path.relative(ROOT, extensionDir)}/manifest.json has no browser_specific_settings.gecko.id.`);
  /** The content script's files on the trading pages, in the manifest's order: first-answer.js (document start), then the main file. */
  const contentScriptFiles = (manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []);
  const clock = options.clock ?? Date.now;
  const viewport = options.viewport ?? { width: 1440, height: 900 };
  const uuid = crypto.randomUUID();

  // A private copy of the build, so a rebuild elsewhere cannot pull files from under the add-on.
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liqlens-firefox-'));
  const loadedDir = path.join(workDir, 'extension');
  fs.cpSync(extensionDir, loadedDir, { recursive: true });

  const streams = await startStreamServer(clock);
  const proxy = await startLoopbackProxy({
    clock,
    exchangeHosts: exchangeHosts(manifest),
    streamHosts: STREAM_HOSTS,
    streamPort: streams.port,
    logMissing: options.logMissing ?? process.env.LIQLENS_LOG_MISSING === '1',
  });
  const cleanUp = async () => {
    await proxy.close();
    await streams.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  };

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath,
      headless: true,
      // The proxy answers with a test-only certificate for the exchange hosts.
      acceptInsecureCerts: true,
      defaultViewport: viewport,
      args: [`--width=${viewport.width}`, `--height=${viewport.height}`, '--remote-allow-system-access'],
      extraPrefsFirefox: {
        // Every http(s) and WebSocket request goes to the loopback proxy; the browser resolves no names.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': false,
        'network.trr.mode': 5,
        'network.dns.disablePrefetch': true,
        'network.predictor.enabled': false,
        'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: uuid }),
        // 0 = dark, 1 = light: what pages (and the overlay's "auto" theme) see as the system scheme.
        'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'light' ? 1 : 0,
        'intl.accept_languages': 'en-US',
        'intl.locale.requested': 'en-US',
      },
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  let version: string;
  try {
    version = await browser.version();
    const installed = await browser.installExtension(loadedDir);
    if (installed !== extensionId) throw new Error(`Firefox installed the add-on as "${installed}", not "${extensionId}".`);
  } catch (error) {
    await browser.close().catch(() => undefined);
    await cleanUp();
    throw error;
  }

  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: Record<string, unknown> }> } }).connection;
  const contextId = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

  const open = async (url: string) => {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };

  const openExtensionPage = async (file: string) => {
    const page = await browser.newPage();
    const url = `moz-extension://${uuid}/${file}`;
    await connection.send('browsingContext.navigate', { context: contextId(page), url, wait: 'none' });
    const deadline = Date.now() + 15_000;
    for (;;) {
      const state = await page.evaluate('location.href + " " + document.readyState').catch(() => '');
      if (state === `${url} complete`) return page;
      if (Date.now() > deadline) throw new Error(`${url} did not load within 15 s (last seen: "${state}").`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  /** Evaluates privileged script in the browser window (chrome scope; needs --remote-allow-system-access). */
  const inChrome = async (expression: string): Promise<unknown> => {
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const chrome = (tree.result.contexts as { context: string; url: string }[]).find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!chrome) throw new Error('No Firefox browser window in the chrome scope (was --remote-allow-system-access honoured?).');
    const answer = await connection.send('script.evaluate', { expression, target: { context: chrome.context }, awaitPromise: true });
    const result = answer.result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } };
    if (result.type !== 'success') throw new Error(`Chrome-scope script failed: ${result.exceptionDetails?.text ?? JSON.stringify(result)}`);
    return result.result?.value;
  };

  let probes = 0;
  const inContentScript = async (pageUrl: string, expression: string) => {
    const reply = `liqlens-probe-${++probes}`;
    const script = `(async () => {
      const win = Services.wm.getMostRecentWindow('navigator:browser');
      const tab = win.gBrowser.browsers.find((b) => b.currentURI.spec === ${JSON.stringify(pageUrl)});
      if (!tab) return 'no-tab';
      const mm = tab.messageManager;
      return await new Promise((resolve) => {
        const listener = (message) => { mm.removeMessageListener(${JSON.stringify(reply)}, listener); resolve(message.data); };
        mm.addMessageListener(${JSON.stringify(reply)}, listener);
        mm.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(probeFrameScript(extensionId, pageUrl, expression, reply))}), false);
      });
    })()`;
    return String(await inChrome(script));
  };

  let marking = false;
  const markContentScriptStarts = async () => {
    if (marking) return;
    await inChrome(
      `Services.ppmm.loadProcessScript('data:,' + encodeURIComponent(${JSON.stringify(startMarkerProcessScript(extensionId, contentScriptFiles))}), true)`,
    );
    marking = true;
  };

  return {
    browser,
    version,
    extensionId,
    uuid,
    proxy,
    open,
    openExtensionPage,
    inContentScript,
    markContentScriptStarts,
    close: async () => {
      await browser.close().catch(() => undefined);
      await cleanUp();
    },
  };
}

/** Changes LiqLens settings as the options page does (settings.get, then settings.set with the patch). */
export async function configureFirefox(ff: FirefoxExtensionBrowser, patch: Record<string, unknown>): Promise<Record<string, unknown>> {
  const page = await ff.openExtensionPage('options.html');
  try {
    const result = await page.evaluate(`(async (changes) => {
      const runtime = browser.runtime;
      const current = await runtime.sendMessage({ channel: 'liqlens', command: 'settings.get', payload: {} });
      if (!current.ok) throw new Error('settings.get failed: ' + (current.error && current.error.message));
      const saved = await runtime.sendMessage({ channel: 'liqlens', command: 'settings.set', payload: { settings: { ...current.data, ...changes } } });
      if (!saved.ok) throw new Error('settings.set refused: ' + (saved.error && saved.error.message));
      return JSON.stringify(saved.data);
    })(${JSON.stringify(patch)})`);
    return JSON.parse(String(result)) as Record<string, unknown>;
  } finally {
    await page.close();
  }
}
