/**
 * Does Chromium keep the extension's service worker alive while its liquidation streams have
 * traffic, with no page open? The rest of the suite cannot tell: Playwright attaches DevTools to the
 * worker, and an attached DevTools client stops Chrome's idle timer. Here Chromium runs without
 * Playwright (scripts/lib/unattached-chromium.ts): the worker is watched only through the browser's
 * target list (Target.setDiscoverTargets, never attached), and the worker's own record of its starts
 * (storage.session, test build) is read from an extension page at the end.
 *
 * Two browsers side by side, same build, same replayed data:
 * (a) collecting all the time (the default): the replayed Binance stream is open and the worker
 *     sends its keepalive every 20 s, each answered; the same worker instance must still run
 *     ≥ 65 s after the last page closed.
 * (b) the control, collecting only while a trading page is open, no page open: no stream, so the
 *     worker must be terminated once idle (Chrome's 30 s idle timeout), which shows this way of
 *     watching can see a termination.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { RECORDED_VENUES } from '../../scripts/lib/extension-browser.ts';
import { launchUnattached, type UnattachedBrowser } from '../../scripts/lib/unattached-chromium.ts';

/** How long after the last page closed the worker must still be the same running instance in (a). */
const ALIVE_FOR_MS = 65_000;
const WORKER_STARTS_KEY = 'liqlens:test:workerStarts';
const BINANCE_STREAM = /fstream\.binance\.com/;

const configure = (browser: UnattachedBrowser, patch: Record<string, unknown>) =>
  browser.evaluateInExtensionPage<Record<string, unknown>>(
    'manifest.json',
    `(async () => {
      const patch = ${JSON.stringify(patch)};
      const current = await chrome.runtime.sendMessage({ channel: 'liqlens', command: 'settings.get', payload: {} });
      if (!current.ok) throw new Error('settings.get failed: ' + current.error?.message);
      const saved = await chrome.runtime.sendMessage({ channel: 'liqlens', command: 'settings.set', payload: { settings: { ...current.data, ...patch } } });
      if (!saved.ok) throw new Error('settings.set refused: ' + saved.error?.message);
      return saved.data;
    })()`,
  );

/** The worker's own record of its starts; reading storage from a page sends the worker nothing. */
const workerStarts = (browser: UnattachedBrowser) =>
  browser.evaluateInExtensionPage<{ id: string; startedAt: number }[]>(
    'manifest.json',
    `chrome.storage.session.get(${JSON.stringify(WORKER_STARTS_KEY)}).then((got) => got[${JSON.stringify(WORKER_STARTS_KEY)}] ?? [])`,
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Observation {
  /** When the settings page closed: from here on nothing but the worker's own activity. */
  quietFrom: number;
  events: { at: number; kind: string; targetId: string }[];
  /** Worker targets in the browser's list, polled every second: [ms since quietFrom, target ids]. */
  polls: [number, string[]][];
  starts: { id: string; startedAt: number }[];
  streams: { url: string; openedAt: number; closedAt: number | null; received: number[] }[];
}

/** Configures, then watches the target list for `forMs` (or until the worker went away, if `untilGone`). */
async function observe(browser: UnattachedBrowser, patch: Record<string, unknown>, forMs: number, untilGone: boolean): Promise<Observation> {
  const saved = await configure(browser, patch);
  expect(saved).toMatchObject(patch);
  const quietFrom = Date.now();
  const polls: [number, string[]][] = [];
  while (Date.now() - quietFrom < forMs) {
    const ids = (await browser.runningWorkers()).map((t) => t.targetId);
    polls.push([Date.now() - quietFrom, ids]);
    if (untilGone && browser.workerEvents.some((e) => e.kind === 'destroyed' && e.at >= quietFrom)) break;
    await sleep(1_000);
  }
  const starts = await workerStarts(browser);
  return {
    quietFrom,
    events: browser.workerEvents.map((e) => ({ at: e.at - quietFrom, kind: e.kind, targetId: e.targetId })),
    polls,
    starts,
    streams: browser.streams.connections.map((c) => ({
      url: c.url,
      openedAt: c.openedAt - quietFrom,
      closedAt: c.closedAt === null ? null : c.closedAt - quietFrom,
      received: c.received.map((t) => t - quietFrom),
    })),
  };
}

const browsers: UnattachedBrowser[] = [];
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

describe('the service worker lives as long as its streams have traffic (watched without attaching to it)', () => {
  it(
    '(a) collecting all the time keeps the same worker running ≥ 65 s with no page open; (b) collecting only with a trading page, it is terminated when idle',
    { timeout: 150_000 },
    async () => {
      const [always, whilePage] = await Promise.all([launchUnattached(), launchUnattached()]);
      browsers.push(always, whilePage);
      const [a, b] = await Promise.all([
        observe(always, { keylessVenues: RECORDED_VENUES, realizedCollection: 'always' }, ALIVE_FOR_MS + 1_000, false),
        observe(whilePage, { keylessVenues: RECORDED_VENUES, realizedCollection: 'while-trading-page' }, ALIVE_FOR_MS + 1_000, true),
      ]);
      console.log(`[worker-lifetime] (a) always: ${JSON.stringify(a)}`);
      console.log(`[worker-lifetime] (b) while-trading-page: ${JSON.stringify(b)}`);

      // (b) first: the method sees a termination. The worker went away after the settings page closed.
      const gone = b.events.find((e) => e.kind === 'destroyed' && e.at >= 0);
      expect(gone, 'the idle worker (no stream) was never terminated: this way of watching cannot see a termination').toBeDefined();
      // Not before Chrome's 30 s idle timeout (a little slack for when the idle clock started).
      expect(gone!.at).toBeGreaterThanOrEqual(25_000);
      // Its Binance socket was closed when the setting let go of the streams.
      const bStream = b.streams.find((s) => BINANCE_STREAM.test(s.url));
      if (bStream) expect(bStream.closedAt).not.toBeNull();

      // (a): one worker target from launch to the end, never gone; one start recorded by the worker itself.
      const created = a.events.filter((e) => e.kind === 'created');
      expect(created).toHaveLength(1);
      expect(a.events.filter((e) => e.kind === 'destroyed')).toEqual([]);
      expect(a.polls.at(-1)![0]).toBeGreaterThanOrEqual(ALIVE_FOR_MS);
      for (const [, ids] of a.polls) expect(ids).toEqual([created[0]!.targetId]);
      expect(a.starts).toHaveLength(1);
      // What kept it alive: the Binance stream, open throughout, with the worker's keepalive every 20 s.
      const aStreams = a.streams.filter((s) => BINANCE_STREAM.test(s.url));
      expect(aStreams).toHaveLength(1);
      expect(aStreams[0]!.closedAt).toBeNull();
      // Traffic never paused for Chrome's 30 s idle timeout: opening, each keepalive, the end of watching.
      const end = a.polls.at(-1)![0];
      const moments = [aStreams[0]!.openedAt, ...aStreams[0]!.received, end].filter((t) => t <= end);
      expect(aStreams[0]!.received.filter((t) => t > 0).length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < moments.length; i++) expect(moments[i]! - moments[i - 1]!).toBeLessThan(30_000);
    },
  );
});
