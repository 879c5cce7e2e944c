import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDbHandle } from '@/core/cache/db';
import { createCache } from '@/core/cache/cache';
import { createFetcher } from '@/core/net/fetcher';
import { createKeyStore, idbKeyArea, type LocalStorageArea } from '@/core/vendors/keys';
import { createVendorClient } from '@/core/vendors/client';
import { createStatusRecorder } from '@/core/service/status';
import { coveredWindow, createVendorFigures } from '@/core/service/vendor-figures';
import { summarize } from '@/core/realized/totals';
import { DEFAULT_SETTINGS } from '@/core/settings/settings';
import type { HeatmapSnapshot } from '@/core/model/types';
import { FakeClock, fakeFetch, json } from '../net/fakes';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});

const HOUR = 3_600_000;
const BTC = { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' };
const settings = { ...DEFAULT_SETTINGS, vendors: { coinglass: true, coinalyze: false, coinank: false } };

async function setup(routes: Parameters<typeof fakeFetch>[0]) {
  const clock = new FakeClock(Date.UTC(2025, 5, 1, 12));
  const { fetch, calls } = fakeFetch(routes);
  const db = createDbHandle();
  const keys = createKeyStore(idbKeyArea(), fakeBrowser.storage.local as unknown as LocalStorageArea);
  await keys.set('coinglass', 'key-123456789');
  const status = createStatusRecorder(db, clock);
  const vendors = createVendorClient({ fetcher: createFetcher({ fetch, clock }), keys, permissions: { hasOrigin: async () => true } });
  const figures = createVendorFigures({ vendors, keys, cache: createCache(db, clock), clock, status });
  return { clock, calls, figures, status };
}

describe('vendor figures', () => {
  it('makes no keyed call for a market the trader has not stayed on, and shows what is cached', async () => {
    const { clock, figures, calls } = await setup({
      'https://open-api-v4.coinglass.com/api/futures/liquidation/exchange-list': json({
        code: '0',
        msg: 'success',
        data: [{ exchange: 'Binance', liquidation_usd: 1000, long_liquidation_usd: 800, short_liquidation_usd: 200 }],
      }),
    });
    const now = clock.now();
    const own = summarize([{ minute: now - 10 * 60_000, venue: 'binance', asset: 'BTC', longUsd: 600, shortUsd: 200, count: 3 }], now, now - 2 * HOUR, {
      asset: 'BTC',
    });
    expect(await figures.realizedComparisons(BTC, settings, own, false)).toEqual([]);
    expect(calls).toHaveLength(0);
    const stayed = await figures.realizedComparisons(BTC, settings, own, true);
    expect(calls).toHaveLength(1);
    // Cached now: shown without another call even before the trader stays on the market again.
    expect(await figures.realizedComparisons(BTC, settings, own, false)).toEqual(stayed);
    expect(calls).toHaveLength(1);
  });
  it('compares our per-venue totals with CoinGlass over a window we fully covered', async () => {
    const { clock, figures, calls } = await setup({
      'https://open-api-v4.coinglass.com/api/futures/liquidation/exchange-list': json({
        code: '0',
        msg: 'success',
        data: [
          { exchange: 'All', liquidation_usd: 5000, long_liquidation_usd: 4000, short_liquidation_usd: 1000 },
          { exchange: 'Binance', liquidation_usd: 1000, long_liquidation_usd: 800, short_liquidation_usd: 200 },
        ],
      }),
    });
    const now = clock.now();
    const own = summarize([{ minute: now - 10 * 60_000, venue: 'binance', asset: 'BTC', longUsd: 600, shortUsd: 200, count: 3 }], now, now - 2 * HOUR, {
      asset: 'BTC',
    });
    expect(coveredWindow(own, now)).toBe('1h');
    const cs = await figures.realizedComparisons(BTC, settings, own);
    expect(calls[0]!.url).toContain('range=1h');
    expect(cs.map((c) => [c.figure, c.spread])).toEqual([
      ['1h BTC on binance: longs liquidated', 0.25],
      ['1h BTC on binance: shorts liquidated', 0],
      ['1h BTC on binance: total liquidated', 0.2],
    ]);
  });

  it('makes no comparison while our own collection is younger than an hour', async () => {
    const { clock, figures, calls } = await setup({});
    const own = summarize([], clock.now(), clock.now() - 30 * 60_000);
    expect(await figures.realizedComparisons(BTC, settings, own)).toEqual([]);
    expect(calls).toHaveLength(0);
  });

  it('a plan refusal is asked once a day, recorded in source status, and leaves no comparison', async () => {
    const { figures, calls, status } = await setup({ 'https://open-api-v4.coinglass.com/': json({ code: '400', msg: 'Upgrade plan' }) });
    const heatmap = {
      price: 100,
      provenance: { source: 'model:liqlens-oi-delta' },
      bands: { long: [{ side: 'long', near: 95, far: 94, usd: 1, cumulativeUsd: 1, distancePct: -5 }], short: [] },
    } as unknown as HeatmapSnapshot;
    expect(await figures.bandComparisons(BTC, settings, heatmap)).toEqual([]);
    expect(await figures.bandComparisons(BTC, settings, heatmap)).toEqual([]);
    expect(calls).toHaveLength(1);
    const row = (await status.all()).find((r) => r.source === 'coinglass:aggregated-map');
    expect(row?.lastError?.message).toBe('CoinGlass says your plan does not include the liquidation map.');
  });

  it('compares band locations with the CoinGlass map when the plan allows', async () => {
    const { figures } = await setup({
      'https://open-api-v4.coinglass.com/': json({ code: '0', msg: 'success', data: { data: { '93': [[93, 50, null, null]], '97': [[97, 10, null, null]] } } }),
    });
    const heatmap = {
      price: 100,
      provenance: { source: 'model:liqlens-oi-delta' },
      bands: { long: [{ side: 'long', near: 95, far: 94, usd: 1, cumulativeUsd: 1, distancePct: -5 }], short: [] },
    } as unknown as HeatmapSnapshot;
    const cs = await figures.bandComparisons(BTC, settings, heatmap);
    expect(cs).toEqual([
      {
        figure: 'largest long-liquidation band (price)',
        values: [
          { source: 'model:liqlens-oi-delta', value: 94.5 },
          { source: 'coinglass:aggregated-map:7d', value: 93 },
        ],
        spread: 1.5 / 94.5,
      },
    ]);
  });
});
