// Issue 12 item 5: snapshots an older model made (no format version) are recognised in IndexedDB
// and rebuilt, never painted or mixed with the current model's figures.
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openLiqlensDb } from '@/core/cache/db';
import { createService } from '@/core/service/service';
import { createRouter } from '@/core/messages/router';
import type { MarketSnapshot } from '@/core/messages/protocol';
import { DEFAULT_SETTINGS } from '@/core/settings/settings';
import type { LocalStorageArea } from '@/core/vendors/keys';
import type { HeatmapSnapshot } from '@/core/model/types';
import { MODEL_FORMAT_VERSION } from '@/core/model/format-version';
import { FakeClock, fakeFetch, json } from '../net/fakes';
import { FakeSocket } from '../realized/helpers';

const fixture = (path: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/api/${path}`, import.meta.url)), 'utf8'));
const BTC = { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' };
const premium = (fixture('binance/premiumIndex_all_2024-11-27.recorded.json') as { symbol: string }[]).find((r) => r.symbol === 'BTCUSDT');
const klines = fixture('binance/klines_BTCUSDT_1h_2025-12-04.rebuilt-from-recorded-csv.json') as unknown[][];
const oiHist = fixture('binance/openInterestHist_BTCUSDT_1h_2025-12-04.rebuilt-from-recorded-csv.json');
const NOW = (klines[klines.length - 1]![6] as number) + 1;
const EXT = 'chrome-extension://liqlens';
const fromPage = { id: 'liqlens', url: 'https://www.binance.com/en/futures/BTCUSDT', tabId: 7 };

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});

async function startWorker(clock: FakeClock) {
  const fake = fakeFetch({
    'https://fapi.binance.com/fapi/v1/premiumIndex': json(premium),
    'https://fapi.binance.com/fapi/v1/klines': json(klines),
    'https://fapi.binance.com/futures/data/openInterestHist': json(oiHist),
    'https://fapi.binance.com/fapi/v1/exchangeInfo': json(fixture('binance/exchangeInfo.from-docs.json')),
  } as Parameters<typeof fakeFetch>[0]);
  const local = fakeBrowser.storage.local as unknown as LocalStorageArea;
  await local.set({ settings: { ...DEFAULT_SETTINGS, keylessVenues: { ...DEFAULT_SETTINGS.keylessVenues, bybit: false, okx: false } } });
  const service = createService({
    version: '9.9.9',
    fetch: fake.fetch,
    clock,
    timers: clock,
    local,
    permissions: { hasOrigin: async () => false },
    openSocket: (url) => new FakeSocket(url),
    random: () => 0.5,
  });
  const route = createRouter({
    extensionId: 'liqlens',
    extensionOrigin: EXT,
    isTradingPage: (u) => u.startsWith('https://www.binance.com/'),
    handlers: service.handlers,
  });
  const ask = async <T>(command: string, payload: unknown) => ((await route({ channel: 'liqlens', command, payload }, fromPage)) as { data: T }).data;
  return { ask, calls: fake.calls };
}

/** What the issue-5 model left in the cache: no format version, and figures the current model would never make. */
function oldModel(h: HeatmapSnapshot): HeatmapSnapshot {
  const { formatVersion: _v, venueOi: _o, ...rest } = h;
  const band = { side: 'long' as const, near: h.price * 0.99, far: h.price * 0.98, usd: 3_600_000, cumulativeUsd: 3_600_000, distancePct: -1 };
  return { ...rest, bands: { ...h.bands, long: [band] } };
}

describe('model format version', () => {
  it('every snapshot the current model makes carries its format version', async () => {
    const { ask } = await startWorker(new FakeClock(NOW));
    const s = await ask<MarketSnapshot>('snapshot.get', { market: BTC });
    expect(s.heatmap!.formatVersion).toBe(MODEL_FORMAT_VERSION);
    expect(s.heatmap!.venueOi!.binance!.usd).toBeGreaterThan(0);
  });

  it('an old-format heatmap and snapshot in IndexedDB are not painted, and are rebuilt with the current model at once', async () => {
    const clock = new FakeClock(NOW);
    const first = await startWorker(clock);
    const current = await first.ask<MarketSnapshot>('snapshot.get', { market: BTC });
    // Overwrite both cached copies with the old model's, fresh for another minute.
    const db = await openLiqlensDb();
    const modelKeys = await db.getAllKeys('model');
    expect(modelKeys.length).toBe(1);
    const entry = (value: unknown, key: string) => ({ key, value, fetchedAt: NOW, freshUntil: NOW + 60_000, expiresAt: NOW + 3_600_000 });
    await db.put('model', entry(oldModel((await db.get('model', modelKeys[0]!))!.value as HeatmapSnapshot), modelKeys[0]!) as never);
    await db.put('snapshots', entry({ ...current, heatmap: oldModel(current.heatmap!) }, 'snapshot:binance:BTC/USDT:USDT') as never);
    db.close();

    // A restarted worker: nothing in memory, only what IndexedDB holds.
    const second = await startWorker(clock);
    const opened = await second.ask<{ cached: MarketSnapshot | null }>('overlay.open', { market: BTC });
    expect(opened.cached).toBeNull();
    const before = second.calls.length;
    const rebuilt = await second.ask<MarketSnapshot>('snapshot.get', { market: BTC });
    expect(rebuilt.heatmap!.formatVersion).toBe(MODEL_FORMAT_VERSION);
    expect(rebuilt.heatmap!.bands.long.map((b) => b.usd)).not.toContain(3_600_000);
    expect(rebuilt.heatmap!.bands).toEqual(current.heatmap!.bands);
    // Rebuilt from the exchange data, not served from the old copy.
    expect(second.calls.slice(before).map((c) => new URL(c.url).pathname)).toContain('/fapi/v1/klines');
    const after = await openLiqlensDb();
    expect(((await after.get('model', modelKeys[0]!))!.value as HeatmapSnapshot).formatVersion).toBe(MODEL_FORMAT_VERSION);
    after.close();
  });
});
