import { describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';

import { dumpIndexedDb, dumpStorage, sendMessage, useRecordedBrowser, type ExtensionBrowser } from './harness';

type Reply = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

const BTC = { venue: 'binance', symbol: 'BTC/USDT:USDT' } as const;
/** Close of the recorded 2026-01-31 00:00 UTC bar the replay serves as the current one. */
const REPLAYED_MARK = 84028.1;

/** Sums over the 73 recorded force orders the replayed stream sends (usd = avg_price × filled_qty). */
const RECORDED_FORCE_ORDERS = { totalUsd: 937000.63801, longUsd: 890839.44845 };

interface Totals {
  totalUsd: number;
  longUsd: number;
}

interface Hooks {
  dbName: string;
  readRealized(): Promise<{ windows: Record<'24h', Totals>; lowerBound: boolean }>;
  readSnapshot(market: typeof BTC): Promise<{ snapshot: { mark: { price: number } | null; heatmap: unknown }; ageMs: number } | null>;
}

let browser: ExtensionBrowser & { extensionId: string };
let popup: Page;

const request = (command: string, payload: unknown) => sendMessage(popup, { channel: 'liqlens', command, payload }) as Promise<Reply>;
const realized24h = async (worker: Worker) =>
  (await worker.evaluate(() => (globalThis as unknown as { __liqlens: Hooks }).__liqlens.readRealized())).windows['24h'];
const readSnapshot = (worker: Worker) => worker.evaluate((m) => (globalThis as unknown as { __liqlens: Hooks }).__liqlens.readSnapshot(m), BTC);
const everything = async () => {
  const worker = await browser.serviceWorker();
  return { storage: await dumpStorage(worker), db: await dumpIndexedDb(worker) };
};
/** The stored state once the worker's own start-up work (refresh, replayed stream) has settled. */
const settledState = async () => {
  let previous = JSON.stringify(await everything());
  for (let i = 0; i < 60; i++) {
    await popup.waitForTimeout(500);
    const current = JSON.stringify(await everything());
    if (current === previous) return JSON.parse(current) as Awaited<ReturnType<typeof everything>>;
    previous = current;
  }
  throw new Error('The background kept changing its storage for 30 s.');
};

useRecordedBrowser(async (b) => {
  browser = b;
  popup = await browser.openExtensionPage('popup.html');
});

describe('the background answers the message protocol', () => {
  it('answers ping with the manifest version', async () => {
    const version = await (await browser.serviceWorker()).evaluate(() => chrome.runtime.getManifest().version);
    expect(await request('ping', {})).toEqual({ ok: true, data: { version } });
  });

  it('returns the settings', async () => {
    const reply = await request('settings.get', {});
    expect(reply.ok).toBe(true);
    expect(reply.ok && typeof reply.data === 'object' && reply.data !== null).toBe(true);
  });

  it.each([
    ['an unknown command', { channel: 'liqlens', command: 'cache.dropEverything', payload: {} }, 'unknown-command'],
    ['a command name that is not a string', { channel: 'liqlens', command: 42, payload: {} }, 'bad-message'],
    [
      'a payload of the wrong shape',
      { channel: 'liqlens', command: 'snapshot.get', payload: { market: { venue: 'nasdaq', symbol: 'BTC/USDT:USDT' } } },
      'bad-message',
    ],
    [
      'a symbol that is not a market',
      { channel: 'liqlens', command: 'snapshot.get', payload: { market: { venue: 'binance', symbol: '<img src=x onerror=alert(1)>' } } },
      'bad-message',
    ],
    [
      'settings that do not validate',
      { channel: 'liqlens', command: 'settings.set', payload: { settings: { theme: 'neon', bandWindowPct: -5 } } },
      'bad-message',
    ],
    ['an out-of-range overlay position', { channel: 'liqlens', command: 'overlay.position', payload: { venue: 'binance', x: 1e12, y: 0 } }, 'bad-message'],
  ])('answers %s with an error and changes nothing', async (_what, message, code) => {
    const before = await settledState();
    const reply = (await sendMessage(popup, message)) as Reply;
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe(code);
    expect(!reply.ok && reply.error.message.length).toBeGreaterThan(10);
    expect(await everything()).toEqual(before);
  });
});

describe('market data from replayed recorded responses, cached in the real IndexedDB', () => {
  it('builds a Binance BTC snapshot from the replayed data and stores it', async () => {
    await expect
      .poll(
        async () => {
          const reply = await request('snapshot.get', { market: BTC });
          return reply.ok ? (reply.data as { mark: { price: number } | null }).mark?.price : reply.error.message;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(REPLAYED_MARK);
    const worker = await browser.serviceWorker();
    await expect.poll(async () => (await readSnapshot(worker))?.snapshot.mark?.price, { timeout: 10_000 }).toBe(REPLAYED_MARK);
    const stores = await dumpIndexedDb(worker);
    expect(stores.find((s) => s.store === 'snapshots')?.count).toBeGreaterThan(0);
    // The worker fetched the real exchange URLs and the harness answered them from recordings.
    const fetched = browser.requests.filter((r) => r.fromServiceWorker && r.served === 'replay').map((r) => new URL(r.url).pathname);
    expect(fetched).toEqual(expect.arrayContaining(['/fapi/v1/premiumIndex', '/fapi/v1/klines', '/futures/data/openInterestHist']));
  });

  it('sums the replayed recorded force orders into realized 24h totals (a lower bound)', async () => {
    const worker = await browser.serviceWorker();
    await expect.poll(async () => Math.round((await realized24h(worker)).totalUsd), { timeout: 20_000 }).toBe(Math.round(RECORDED_FORCE_ORDERS.totalUsd));
    const totals = await realized24h(worker);
    // Binance SELL force orders close longs.
    expect(totals.longUsd).toBeCloseTo(RECORDED_FORCE_ORDERS.longUsd, 2);
    expect(totals.totalUsd - totals.longUsd).toBeCloseTo(RECORDED_FORCE_ORDERS.totalUsd - RECORDED_FORCE_ORDERS.longUsd, 2);
    expect(browser.requests.some((r) => r.method === 'WS' && r.served === 'replay' && r.url.includes('forceOrder'))).toBe(true);
  });

  it('comes back after its service worker is killed, with its IndexedDB data', async () => {
    const old = await browser.serviceWorker();
    const before = await dumpIndexedDb(old);
    expect(before.find((s) => s.store === 'snapshots')?.count).toBeGreaterThan(0);
    // A marker in the old worker's globals: a fresh worker must not have it.
    await old.evaluate(() => Object.assign(globalThis, { __e2eOldWorker: true }));
    await browser.stopServiceWorker();

    // A message wakes a fresh worker (the popup's live port may already have), which answers
    // from what is on disk.
    expect((await request('ping', {})).ok).toBe(true);
    const worker = await browser.serviceWorker();
    expect(await worker.evaluate(() => (globalThis as { __e2eOldWorker?: boolean }).__e2eOldWorker ?? false)).toBe(false);
    const after = await dumpIndexedDb(worker);
    const keys = (dump: typeof before, store: string) => dump.find((s) => s.store === store)?.keys ?? [];
    expect(keys(after, 'snapshots')).toEqual(expect.arrayContaining(keys(before, 'snapshots')));
    expect((await readSnapshot(worker))?.snapshot.mark?.price).toBe(REPLAYED_MARK);
    // Realized totals were kept on disk, not in the dead worker's memory (the replayed stream
    // sends nothing new on reconnect).
    expect(Math.round((await realized24h(worker)).totalUsd)).toBe(Math.round(RECORDED_FORCE_ORDERS.totalUsd));
  });
});

describe('the recorded scene is fully replayed', () => {
  it('answered every request of the product from a recording (no 404 fallback)', () => {
    const unanswered = browser.requests.filter((r) => r.served === 'missing' || r.served === 'fault').map((r) => `${r.method} ${r.url}`);
    expect(unanswered).toEqual([]);
  });
});
