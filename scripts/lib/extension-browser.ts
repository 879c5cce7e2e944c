/**
 * Launches the system Chromium with the built LiqLens extension loaded, every request answered
 * locally: fixture trading pages under the exchanges' real URLs, recorded API responses for the
 * hosts the background calls, a logged 404 for anything else. Shared by the E2E tests, the demo
 * and the real-Chromium benches.
 *
 * Interception is Playwright's context.route, which in playwright-core 1.65 with Debian Chromium
 * also catches the extension service worker's fetches (request.serviceWorker() is set for them).
 * --host-resolver-rules maps every name to NOTFOUND, so whatever escaped routing (e.g. a fetch the
 * worker makes before the routes are installed) fails locally instead of leaving the machine.
 * WebSockets opened by the worker are not seen by routeWebSocket, so the stream hosts are mapped
 * to a local TLS server that replays recorded streams (ws-replay-server.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';
import { CHROMIUM_HELP, findChromium } from './chromium.mjs';
import { answerRequest, type Fault, type LoggedRequest } from './fixture-answer.ts';
import { startStreamServer } from './ws-replay-server.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/**
 * The build under test: the E2E build (`LIQLENS_TEST_BUILD=1 wxt build`, open overlay shadow root
 * and the worker's test hooks). LIQLENS_EXTENSION_DIR points the harness at another unpacked build.
 */
export const EXTENSION_DIR = process.env.LIQLENS_EXTENSION_DIR ? path.resolve(process.env.LIQLENS_EXTENSION_DIR) : path.join(ROOT, '.output/chrome-mv3-test');
/** The production build (`npm run build`): closed shadow root, no test hooks. */
export const PRODUCTION_DIR = path.join(ROOT, '.output/chrome-mv3');

/** Thrown when the environment cannot run the browser; its message is the whole story. */
export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupError';
    this.stack = message;
  }
}

export type { Fault, LoggedRequest } from './fixture-answer.ts';

export interface LaunchOptions {
  /** Default true; false opens a window (needs a display). */
  headless?: boolean;
  /** Load the extension (default true). false gives the same browser without it, for cost baselines. */
  withExtension?: boolean;
  extensionDir?: string;
  viewport?: { width: number; height: number } | null;
  colorScheme?: 'dark' | 'light';
  locale?: string;
  /** Clock for the replayed data's time shift (default Date.now). */
  clock?: () => number;
  /** Print each missing-fixture request as it happens (default: LIQLENS_LOG_MISSING=1). */
  logMissing?: boolean;
  /**
   * Optional host permissions the trader has already allowed (e.g. a vendor's host). Headless
   * Chromium cannot click "Allow" on the browser's permission prompt, so the loaded copy of the
   * build lists them as granted host permissions, which Chromium grants an unpacked extension at load.
   */
  allowedOptionalHosts?: string[];
  /**
   * A profile to reuse (a browser restart): kept on close, and the extension is loaded from the same
   * path inside it, so it keeps its id, storage, IndexedDB, alarms and granted permissions.
   */
  userDataDir?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string | null;
  userDataDir: string;
  requests: LoggedRequest[];
  /** The running service worker, waiting for it to (re)start if needed. */
  serviceWorker: () => Promise<Worker>;
  /** Opens one of the extension's pages (popup.html, options.html) in a tab. */
  openExtensionPage: (file: string) => Promise<Page>;
  /** Opens a fixture or real-URL page in a new tab. */
  open: (url: string) => Promise<Page>;
  /** From now on, requests whose URL matches get this response instead of the recording (null removes it). */
  setFault: (url: RegExp, fault: Fault | null) => void;
  /** Stops the extension's service worker (as Chrome does when it idles out) and waits until it has. */
  stopServiceWorker: () => Promise<void>;
  close: () => Promise<void>;
}

export function chromiumPathOrThrow(): string {
  const found = findChromium();
  if (!found) throw new SetupError(CHROMIUM_HELP);
  return found;
}

export function assertBuilt(dir: string = EXTENSION_DIR): void {
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    const how = dir.endsWith('-test') ? 'LIQLENS_TEST_BUILD=1 npx wxt build' : 'npm run build';
    throw new SetupError(`No built extension at ${path.relative(ROOT, dir)}: run "${how}" first.`);
  }
}

export function chromiumArgs(extensionDir: string | null, extraResolverRules: string[] = []): string[] {
  return [
    // Playwright always passes --disable-extensions; the -except switch is what lets ours load.
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    '--disable-gpu',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    // No DNS at all: exchange hosts are answered by routing, and Chromium's own update/account
    // lookups fail locally. IP literals must be EXCLUDEd or loopback breaks too.
    // Stream hosts (WebSockets) go to the local replay server, first rule wins.
    `--host-resolver-rules=${[...extraResolverRules, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(' , ')}`,
    // Only for the replay server's test certificate: every https request is answered by routing
    // or that server, so no real site's certificate is ever at stake in this browser.
    ...(extraResolverRules.length ? ['--ignore-certificate-errors'] : []),
  ];
}

async function answer(
  route: Route,
  log: LoggedRequest[],
  clock: () => number,
  logMissing: boolean,
  faults: Map<string, { url: RegExp; fault: Fault }>,
): Promise<void> {
  const request = route.request();
  const url = new URL(request.url());
  const result = answerRequest(
    { method: request.method(), url, body: request.postData(), isDocument: request.resourceType() === 'document' },
    clock,
    faults.values(),
  );
  log.push({
    method: request.method(),
    url: url.href,
    status: result.status,
    served: result.served,
    fixture: result.fixture,
    fromServiceWorker: request.serviceWorker() !== null,
  });
  if (result.served === 'local') return route.continue();
  if (result.served === 'missing' && logMissing) console.warn(`[replay] no fixture: ${request.method()} ${url.href}`);
  return route.fulfill({ status: result.status, contentType: result.contentType, body: result.body, headers: result.headers });
}

let browsersLaunched = 0;

/**
 * LIQLENS_REQUEST_LOG=<dir>: each browser writes every request it saw (and how it was answered)
 * to <dir>/requests-<pid>-<n>.json when it closes, for finding replay gaps.
 */
function writeRequestLog(requests: LoggedRequest[]): void {
  const dir = process.env.LIQLENS_REQUEST_LOG;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `requests-${process.pid}-${++browsersLaunched}.json`), `${JSON.stringify(requests, null, 1)}\n`);
}

/** Moves optional host permissions into the granted ones, in the browser's private copy of the build only. */
function allowHosts(manifestPath: string, hosts: string[]): void {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[]; optional_host_permissions?: string[] };
  for (const host of hosts) {
    if (!manifest.optional_host_permissions?.includes(host)) throw new Error(`${host} is not an optional host permission of the build.`);
  }
  manifest.optional_host_permissions = manifest.optional_host_permissions!.filter((h) => !hosts.includes(h));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hosts];
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const executablePath = chromiumPathOrThrow();
  const withExtension = options.withExtension ?? true;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (withExtension) assertBuilt(extensionDir);
  const clock = options.clock ?? Date.now;
  const keepProfile = options.userDataDir !== undefined;
  const userDataDir = options.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'liqlens-profile-'));
  // Chromium loads a private copy of the build: a rebuild of .output while the browser runs
  // (another terminal, `npm test` elsewhere) cannot pull files from under it.
  const loadedDir = path.join(userDataDir, 'extension');
  if (withExtension) fs.cpSync(extensionDir, loadedDir, { recursive: true });
  if (withExtension && options.allowedOptionalHosts?.length) allowHosts(path.join(loadedDir, 'manifest.json'), options.allowedOptionalHosts);
  const requests: LoggedRequest[] = [];
  // WebSockets from the service worker escape Playwright's routing: a local TLS server answers them.
  const streams = await startStreamServer(clock, (url, replayed, fixture, cookie) =>
    requests.push({
      method: 'WS',
      url,
      status: replayed ? 101 : 404,
      served: replayed ? 'replay' : 'missing',
      fixture,
      fromServiceWorker: true,
      ...(cookie ? { cookie } : {}),
    }),
  );
  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath,
      headless: options.headless ?? true,
      args: chromiumArgs(withExtension ? loadedDir : null, streams.resolverRules),
      viewport: options.viewport === undefined ? { width: 1440, height: 900 } : options.viewport,
      colorScheme: options.colorScheme ?? 'dark',
      locale: options.locale ?? 'en-US',
      serviceWorkers: 'allow',
    })
    .catch(async (error: unknown) => {
      await streams.close();
      if (!keepProfile) fs.rmSync(userDataDir, { recursive: true, force: true });
      throw error;
    });

  // Only web URLs: the extension's own chrome-extension:// files must load untouched.
  const faults = new Map<string, { url: RegExp; fault: Fault }>();
  const logMissing = options.logMissing ?? process.env.LIQLENS_LOG_MISSING === '1';
  await context.route(/^https?:\/\//, (route) => answer(route, requests, clock, logMissing, faults));

  let extensionId: string | null = null;
  const serviceWorker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (running) return running;
    return context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 20_000 });
  };
  if (withExtension) extensionId = new URL((await serviceWorker()).url()).host;

  const open = async (url: string) => {
    const page = await context.newPage();
    await page.goto(url);
    return page;
  };

  return {
    context,
    extensionId,
    userDataDir,
    requests,
    serviceWorker,
    open,
    setFault: (url, fault) => {
      if (fault) faults.set(url.source, { url, fault });
      else faults.delete(url.source);
    },
    openExtensionPage: async (file) => {
      if (!extensionId) throw new Error('The browser was launched without the extension.');
      return open(`chrome-extension://${extensionId}/${file}`);
    },
    stopServiceWorker: async () => {
      // CDP ServiceWorker.stopAllWorkers from one of our own pages, then wait until Chromium reports
      // the worker stopped. (Target.closeTarget also stops it, but Playwright then keeps a stale
      // Worker; after stopAllWorkers the same Worker object reattaches to the restarted instance.)
      if (!extensionId) throw new Error('The browser was launched without the extension.');
      const helper = await context.newPage();
      await helper.goto(`chrome-extension://${extensionId}/manifest.json`);
      const cdp = await context.newCDPSession(helper);
      try {
        const stopped = new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('The service worker did not stop within 10 s.')), 10_000);
          cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
            const ours = versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
            if (ours.length && ours.every((v) => v.runningStatus === 'stopped')) {
              clearTimeout(timer);
              resolve();
            }
          });
        });
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await stopped;
      } finally {
        await cdp.detach().catch(() => undefined);
        await helper.close();
      }
    },
    close: async () => {
      writeRequestLog(requests);
      await context.close();
      await streams.close();
      if (!keepProfile) fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Changes LiqLens settings the way the options page does (settings.get, then settings.set with
 * the patch), from a quiet extension page so nothing else is triggered.
 */
export async function configure(browser: ExtensionBrowser, patch: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (!browser.extensionId) throw new Error('The browser was launched without the extension.');
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    // No named helper functions inside evaluate: tsx's keepNames would reference a missing __name.
    return await page.evaluate(async (changes) => {
      type Reply = { ok: boolean; data?: unknown; error?: { message: string } };
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } }).chrome.runtime;
      // Right after stopServiceWorker the worker can still be stopping: Chrome then answers "Receiving
      // end does not exist" instead of starting it. Asked again a moment later, it starts. On a busy
      // 2-core machine that moment was once over 2 s (the alerts suite, 2026-12-04): up to 10 s.
      let current: Reply | undefined;
      for (let attempt = 1; !current; attempt++) {
        try {
          current = await runtime.sendMessage({ channel: 'liqlens', command: 'settings.get', payload: {} });
        } catch (error) {
          if (attempt >= 50 || !String(error).includes('Receiving end does not exist')) throw error;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
      if (!current.ok) throw new Error(`settings.get failed: ${current.error?.message}`);
      const next = { ...(current.data as Record<string, unknown>), ...changes };
      const saved = await runtime.sendMessage({ channel: 'liqlens', command: 'settings.set', payload: { settings: next } });
      if (!saved.ok) throw new Error(`settings.set refused: ${saved.error?.message}`);
      return saved.data as Record<string, unknown>;
    }, patch);
  } finally {
    await page.close();
  }
}

/** Venues the replay has recordings for; the others' key-less sources only produce 404s. */
export const RECORDED_VENUES = { binance: true, okx: false, bybit: false, htx: false, bitget: false, gate: false, mexc: false, hyperliquid: false };
