import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createDbHandle } from '@/core/cache/db';
import { createRealizedStore } from '@/core/realized/realized-store';
import { createRealizedView } from '@/core/service/realized-view';
import type { VendorFigures } from '@/core/service/vendor-figures';
import { DEFAULT_SETTINGS } from '@/core/settings/settings';
import { FakeClock } from '../net/fakes';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const NOW = Date.UTC(2026, 0, 1, 12);

function viewWith(coinankCoinTotals: VendorFigures['coinankCoinTotals']) {
  const clock = new FakeClock(NOW);
  const vendorFigures = { realizedComparisons: async () => [], bandComparisons: async () => [], coinankCoinTotals } as unknown as VendorFigures;
  return createRealizedView({
    realized: createRealizedStore(createDbHandle(), clock),
    streams: [],
    streamStatus: () => [],
    settings: async () => DEFAULT_SETTINGS,
    vendorFigures,
    clock,
  });
}

describe('the 24 h view carries the network-wide vendor figure', () => {
  it("asks for BTC's and ETH's network totals and keeps the ones that answered", async () => {
    const asked: string[] = [];
    const view = viewWith(async (coin) => {
      asked.push(coin);
      if (coin === 'ETH') throw new Error('CoinAnk failed');
      return {
        source: 'coinank:coin-intervals',
        coin,
        fetchedAt: NOW - 60_000,
        windows: { '24h': { totalUsd: 1, longUsd: 1, shortUsd: 0 } },
        count24h: null,
        largest: null,
      };
    });
    const v = await view();
    expect(asked.sort()).toEqual(['BTC', 'ETH']);
    expect(v.network.map((n) => [n.coin, n.fetchedAt])).toEqual([['BTC', NOW - 60_000]]);
  });

  it('without a CoinAnk figure the view has none', async () => {
    expect((await viewWith(async () => null)()).network).toEqual([]);
  });
});
