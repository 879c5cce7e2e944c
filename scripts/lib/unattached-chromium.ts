/**
 * Launches the system Chromium with the built extension WITHOUT Playwright, for watching the
 * service worker's own lifetime. Playwright auto-attaches DevTools to every service worker, and an
 * attached DevTools client stops Chrome's idle timer, so a worker driven by Playwright is never
 * terminated for idling. Here the browser is spoken to over `--remote-debugging-pipe` (raw CDP, one
 * browser-level connection): the worker is observed only through Target.setDiscoverTargets events
 * (the browser's target list; nothing is attached to the worker), and extension pages are the only
 * targets ever attached to, briefly, for settings and for reading what the worker recorded.
 *
 * Traffic: Chromium's --proxy-server points at the loopback proxy (loopback-proxy.ts, as the Firefox
 * harness): the API hosts get the recorded REST answers, the stream hosts are piped to the stream
 * replay server (ws-replay-server.ts), everything else is refused; --host-resolver-rules still maps
 * every other name to NOTFOUND. The proxy's replay-only certificate is accepted with
 * --ignore-certificate-errors (test browser only).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { assertBuilt, chromiumArgs, chromiumPathOrThrow, EXTENSION_DIR } from './extension-browser.ts';
import { startLoopbackProxy, type LoopbackProxy } from './loopback-proxy.ts';
import { STREAM_HOSTS, startStreamServer, type StreamServer } from './ws-replay-server.ts';

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** One change in the browser's target list: a target appeared or went away. */
export interface TargetEvent {
  at: number;
  kind: 'created' | 'destroyed';
  targetId: string;
  type: string;
  url: string;
}

export interface UnattachedBrowser {
  extensionId: string;
  /** Every service-worker target of the extension that appeared or went away, in order, since launch. */
  workerEvents: TargetEvent[];
  /** The extension's service-worker targets in the browser's list now (Target.getTargets). */
  runningWorkers: () => Promise<TargetInfo[]>;
  /**
   * Opens an extension file in a tab, evaluates `expression` there (awaited, returned by value),
   * closes the tab. The tab is the only target attached to.
   */
  evaluateInExtensionPage: <T>(file: string, expression: string) => Promise<T>;
  streams: StreamServer;
  proxy: LoopbackProxy;
  close: () => Promise<void>;
}

interface Manifest {
  host_permissions?: string[];
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string };

/** Raw CDP over the pipe: NUL-separated JSON messages on fds 3 (to the browser) and 4 (from it). */
function cdpPipe(child: ChildProcess) {
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners: ((method: string, params: Record<string, unknown>, sessionId?: string) => void)[] = [];
  let buffered = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffered += chunk;
    let end: number;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
        sessionId?: string;
      };
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        const p = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) p?.reject(new Error(`${p.method}: ${message.error.message}`));
        else p?.resolve(message.result);
      } else if (message.method) {
        for (const l of listeners) l(message.method, message.params ?? {}, message.sessionId);
      }
    }
  });
  const closed = new Promise<void>((resolve) => fromBrowser.on('close', resolve));
  void closed.then(() => {
    for (const p of pending.values()) p.reject(new Error(`${p.method}: the browser closed`));
    pending.clear();
  });
  return {
    send: <T>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
        toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      }),
    on: (listener: (method: string, params: Record<string, unknown>, sessionId?: string) => void) => listeners.push(listener),
  };
}

export async function launchUnattached(options: { extensionDir?: string; clock?: () => number } = {}): Promise<UnattachedBrowser> {
  const executablePath = chromiumPathOrThrow();
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  assertBuilt(extensionDir);
  const clock = options.clock ?? Date.now;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liqlens-unattached-'));
  const loadedDir = path.join(userDataDir, 'extension');
  fs.cpSync(extensionDir, loadedDir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(loadedDir, 'manifest.json'), 'utf8')) as Manifest;
  const apiHosts = (manifest.host_permissions ?? []).flatMap((p) => /^https:\/\/([^/*]+)\//.exec(p)?.[1] ?? []);

  const streams = await startStreamServer(clock);
  const proxy = await startLoopbackProxy({ clock, exchangeHosts: new Set(apiHosts), streamHosts: STREAM_HOSTS, streamPort: streams.port });
  const child = spawn(
    executablePath,
    [
      ...chromiumArgs(loadedDir),
      '--headless',
      // As Playwright launches it (chromiumSandbox: false): the E2E machine runs as root.
      '--no-sandbox',
      '--remote-debugging-pipe',
      `--user-data-dir=${path.join(userDataDir, 'profile')}`,
      `--proxy-server=http://127.0.0.1:${proxy.port}`,
      '--ignore-certificate-errors',
      // What Playwright passes and this launch needs too: Chromium 137+ honours --load-extension only with this.
      '--disable-features=DisableLoadExtensionCommandLineSwitch',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-default-browser-check',
      '--password-store=basic',
      '--use-mock-keychain',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const cleanUp = async () => {
    await proxy.close();
    await streams.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };

  try {
    const cdp = cdpPipe(child);
    const workerEvents: TargetEvent[] = [];
    const known = new Map<string, TargetInfo>();
    const isOurWorker = (t: TargetInfo) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://') && t.url.endsWith('/background.js');
    cdp.on((method, params) => {
      if (method === 'Target.targetCreated' || method === 'Target.targetInfoChanged') {
        const info = params.targetInfo as TargetInfo;
        if (!isOurWorker(info) || known.has(info.targetId)) return;
        known.set(info.targetId, info);
        workerEvents.push({ at: Date.now(), kind: 'created', targetId: info.targetId, type: info.type, url: info.url });
      } else if (method === 'Target.targetDestroyed') {
        const info = known.get(params.targetId as string);
        if (!info) return;
        known.delete(info.targetId);
        workerEvents.push({ at: Date.now(), kind: 'destroyed', targetId: info.targetId, type: info.type, url: info.url });
      }
    });
    // Discovery only: no Target.attachToTarget / setAutoAttach for the worker, ever.
    await cdp.send('Target.setDiscoverTargets', { discover: true });

    const runningWorkers = async () => (await cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets')).targetInfos.filter(isOurWorker);
    const deadline = Date.now() + 30_000;
    let extensionId: string | null = null;
    while (!extensionId) {
      const first = workerEvents.find((e) => e.kind === 'created');
      if (first) extensionId = new URL(first.url).host;
      else if (Date.now() > deadline) throw new Error(`The extension's service worker did not appear within 30 s. Chromium said: ${stderr}`);
      else await new Promise((r) => setTimeout(r, 100));
    }

    const evaluateInExtensionPage = async <T>(file: string, expression: string): Promise<T> => {
      const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: `chrome-extension://${extensionId}/${file}` });
      try {
        const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
        const until = Date.now() + 15_000;
        // Wait for the extension document (the tab starts on about:blank).
        for (;;) {
          const { result } = await cdp.send<{ result: { value?: unknown } }>(
            'Runtime.evaluate',
            {
              expression: `location.protocol === 'chrome-extension:' && document.readyState === 'complete' && typeof chrome?.runtime?.sendMessage === 'function'`,
              returnByValue: true,
            },
            sessionId,
          );
          if (result.value === true) break;
          if (Date.now() > until) throw new Error(`chrome-extension://${extensionId}/${file} did not load within 15 s.`);
          await new Promise((r) => setTimeout(r, 100));
        }
        const answer = await cdp.send<{ result: { value?: unknown }; exceptionDetails?: { exception?: { description?: string }; text: string } }>(
          'Runtime.evaluate',
          { expression, awaitPromise: true, returnByValue: true },
          sessionId,
        );
        if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
        await cdp.send('Target.detachFromTarget', { sessionId });
        return answer.result.value as T;
      } finally {
        await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
      }
    };

    return {
      extensionId,
      workerEvents,
      runningWorkers,
      evaluateInExtensionPage,
      streams,
      proxy,
      close: async () => {
        await cdp.send('Browser.close').catch(() => undefined);
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
        await cleanUp();
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    await cleanUp();
    throw error;
  }
}
