// Issue 12 in the background: snapshots an older model made (no format version) are recognised in
// IndexedDB and rebuilt, never painted or mixed with the current model's figures (item 5); which
// venues are modelled and each one's share of the modelled OI (item 3).
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
import { modelVenues } from '@/core/service/data';
import { oiShares, type ModelOiShares } from '@/core/model/oi-share';
import { FakeClock, fakeFetch, json } from '../net/fakes';
import { STAY_MS } from '@/core/service/market-guard';
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
  const ask = async <T>(command: string, payload: unknown, sender: { id: string; url: string; tabId?: number } = fromPage) =>
    ((await route({ channel: 'liqlens', command, payload }, sender)) as { data: T }).data;
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

describe('modelled venues', () => {
  it('the default key-less set is Binance, Bybit and OKX', () => {
    expect(modelVenues({ venue: 'htx', symbol: 'BTC/USDT:USDT' }, DEFAULT_SETTINGS)).toEqual(expect.arrayContaining(['binance', 'bybit', 'okx']));
  });

  it("the open page's venue is modelled even when switched off, if it publishes open-interest history", () => {
    const off = { ...DEFAULT_SETTINGS, keylessVenues: { ...DEFAULT_SETTINGS.keylessVenues, bybit: false, okx: false } };
    expect(modelVenues({ venue: 'bybit', symbol: 'BTC/USDT:USDT' }, off)).toEqual(['binance', 'bybit']);
    expect(modelVenues({ venue: 'binance', symbol: 'BTC/USDT:USDT' }, off)).toEqual(['binance']);
  });

  it("model.shares: each viewed market's venues and their share of the modelled OI, from the latest snapshot; pages cannot ask", async () => {
    const clock = new FakeClock(NOW);
    const { ask } = await startWorker(clock);
    // Only a market the trader stayed on counts as viewed (core/service/market-guard.ts).
    await ask<MarketSnapshot>('snapshot.get', { market: BTC });
    expect(await ask<ModelOiShares[]>('model.shares', {}, { id: 'liqlens', url: `${EXT}/options.html` })).toEqual([]);
    clock.time += STAY_MS;
    const s = await ask<MarketSnapshot>('snapshot.get', { market: BTC });
    const fromOptions = { id: 'liqlens', url: `${EXT}/options.html` };
    const shares = await ask<ModelOiShares[]>('model.shares', {}, fromOptions);
    expect(shares).toEqual([oiShares(s.heatmap!)]);
    const binance = shares[0]!.venues[0]!;
    expect(binance).toMatchObject({ venue: 'binance', share: 1 });
    // The newest recorded OI point, at its bar's close.
    const last = (oiHist as { timestamp: number; sumOpenInterestValue: string }[]).at(-1)!;
    expect(binance.usd).toBeCloseTo(Number(last.sumOpenInterestValue), 0);
    expect(await ask('model.shares', {}, fromPage)).toBeUndefined();
  });

  it('oiShares splits the summed OI by venue, largest first, and ignores empty points', () => {
    const h = { market: BTC, provenance: { fetchedAt: 5 } as HeatmapSnapshot['provenance'] };
    const shares = oiShares({ ...h, venueOi: { okx: { usd: 1e9, time: 1 }, binance: { usd: 3e9, time: 1 }, bybit: { usd: 0, time: 1 } } })!;
    expect(shares.venues.map((v) => [v.venue, v.share])).toEqual([
      ['binance', 0.75],
      ['okx', 0.25],
    ]);
    expect(shares.totalUsd).toBe(4e9);
    expect(oiShares({ ...h })).toBeNull();
  });
});
