// Issue 12 item 5 in the real browser: a heatmap and an overlay snapshot that the older model left in
// the extension's real IndexedDB (no format version) survive a worker restart on disk, but are never
// answered: the first paint gets nothing cached, and the snapshot is rebuilt with the current model.
import { describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { sendMessage, useRecordedBrowser, type ExtensionBrowser } from './harness';

const BTC = { venue: 'binance', symbol: 'BTC/USDT:USDT' } as const;
type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
interface Heat {
  formatVersion?: number;
  bands: { long: { usd: number }[] };
}

let browser: ExtensionBrowser & { extensionId: string };
let popup: Page;
const request = <T>(command: string, payload: unknown) => sendMessage(popup, { channel: 'liqlens', command, payload }) as Promise<Reply<T>>;

useRecordedBrowser(async (b) => {
  browser = b;
  popup = await browser.openExtensionPage('popup.html');
});

/** Rewrites every cached heatmap (model store and inside snapshots) as the issue-5 model left it: no version, an odd band. */
async function plantOldModel(worker: Worker): Promise<number> {
  const name = await worker.evaluate(() => (globalThis as unknown as { __liqlens: { dbName: string } }).__liqlens.dbName);
  return worker.evaluate(async (dbName) => {
    const done = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const db = await done(indexedDB.open(dbName));
    const old = (h: Record<string, unknown> & { bands: { long: unknown[] } }) => {
      const { formatVersion: _v, venueOi: _o, seed: _s, calibration: _c, ...rest } = h;
      return { ...rest, bands: { ...h.bands, long: [{ side: 'long', near: 1, far: 1, usd: 3_600_000, cumulativeUsd: 3_600_000, distancePct: -1 }] } };
    };
    let planted = 0;
    for (const store of ['model', 'snapshots']) {
      const tx = db.transaction(store, 'readwrite').objectStore(store);
      for (const entry of await done(tx.getAll())) {
        const heat = store === 'model' ? entry.value : entry.value?.heatmap;
        if (!heat?.bands) continue;
        const value = store === 'model' ? old(heat) : { ...entry.value, heatmap: old(heat) };
        await done(tx.put({ ...entry, value, freshUntil: Date.now() + 3_600_000 }));
        planted++;
      }
    }
    db.close();
    return planted;
  }, name);
}

describe('old-model snapshots in IndexedDB', () => {
  it('are recognised after a worker restart and rebuilt, never answered', async () => {
    await expect
      .poll(
        async () => {
          const r = await request<{ heatmap: Heat | null }>('snapshot.get', { market: BTC });
          return r.ok ? r.data.heatmap?.formatVersion : r.error.message;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(2);
    expect(await plantOldModel(await browser.serviceWorker())).toBeGreaterThanOrEqual(2);
    await browser.stopServiceWorker();

    const opened = await request<{ cached: unknown }>('overlay.open', { market: BTC });
    expect(opened.ok && opened.data.cached).toBeNull();
    const rebuilt = await request<{ heatmap: Heat | null }>('snapshot.get', { market: BTC });
    expect(rebuilt.ok).toBe(true);
    const heat = rebuilt.ok ? rebuilt.data.heatmap! : null;
    expect(heat?.formatVersion).toBe(2);
    expect(heat?.bands.long.map((b) => b.usd)).not.toContain(3_600_000);
  });
});
