import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDbHandle } from '@/core/cache/db';
import { createCache } from '@/core/cache/cache';
import { createFetcher } from '@/core/net/fetcher';
import { createKeyStore, idbKeyArea, type LocalStorageArea } from '@/core/vendors/keys';
import { createVendorClient } from '@/core/vendors/client';
import { createStatusRecorder } from '@/core/service/status';
import { createVendorFigures } from '@/core/service/vendor-figures';
import { summarize } from '@/core/realized/totals';
import { DEFAULT_SETTINGS } from '@/core/settings/settings';
import type { VendorId } from '@/core/vendors/hosts';
import { FakeClock, fakeFetch, json } from '../net/fakes';

const fixture = (path: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/api/coinank/${path}`, import.meta.url)), 'utf8'));

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});

const HOUR = 3_600_000;
const NOON = Date.UTC(2025, 5, 1, 12);
const BTC = { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' };
const SYMBOLS = 'https://open-api.coinank.com/api/baseCoin/symbols';
const HISTORY = 'https://open-api.coinank.com/api/liquidation/history';
const bar = (ts: number, longTurnover: number, shortTurnover: number) => ({ symbol: 'BTCUSDT', exchangeName: 'Binance', ts, longTurnover, shortTurnover });

async function setup(routes: Parameters<typeof fakeFetch>[0], keys: Partial<Record<VendorId, string>> = { coinank: 'ca-key-123456789' }) {
  const clock = new FakeClock(NOON);
  const { fetch, calls } = fakeFetch(routes);
  const db = createDbHandle();
  const store = createKeyStore(idbKeyArea(), fakeBrowser.storage.local as unknown as LocalStorageArea);
  for (const [vendor, key] of Object.entries(keys)) await store.set(vendor as VendorId, key);
  const status = createStatusRecorder(db, clock);
  const vendors = createVendorClient({ fetcher: createFetcher({ fetch, clock }), keys: store, permissions: { hasOrigin: async () => true } });
  const figures = createVendorFigures({ vendors, keys: store, cache: createCache(db, clock), clock, status });
  // Our own streams: Binance BTC, $600 longs and $200 shorts in the last hour, collecting for 2 h.
  const own = summarize([{ minute: NOON - 10 * 60_000, venue: 'binance', asset: 'BTC', longUsd: 600, shortUsd: 200, count: 3 }], NOON, NOON - 2 * HOUR, {
    asset: 'BTC',
  });
  return { calls, figures, status, own };
}

const on = (vendors: Partial<typeof DEFAULT_SETTINGS.vendors>) => ({ ...DEFAULT_SETTINGS, vendors: { ...DEFAULT_SETTINGS.vendors, ...vendors } });

describe('CoinAnk figures beside our own', () => {
  it("compares Binance BTC over the last complete hour: CoinAnk's pair history against our streams, never averaged", async () => {
    const { figures, calls, status, own } = await setup({
      [SYMBOLS]: json(fixture('symbols_Binance_SWAP.from-docs.json')),
      // Stand-in values: the bar before, the complete 11:00 bar, and the bar still running at noon.
      [HISTORY]: json({ success: true, code: '1', data: [bar(NOON - 2 * HOUR, 5_000, 5_000), bar(NOON - HOUR, 900, 200), bar(NOON, 70, 0)] }),
    });
    const cs = await figures.realizedComparisons(BTC, on({ coinank: true }), own);
    expect(calls.map((c) => c.url)).toEqual([
      'https://open-api.coinank.com/api/baseCoin/symbols?exchange=Binance&productType=SWAP',
      `https://open-api.coinank.com/api/liquidation/history?exchange=Binance&symbol=BTCUSDT&interval=1h&endTime=${NOON}&size=2`,
    ]);
    expect(cs).toEqual([
      {
        figure: '1h BTC on binance: longs liquidated',
        values: [
          { source: 'liqlens:exchange-streams', value: 600 },
          { source: 'coinank:liquidation-history', value: 900 },
        ],
        spread: 300 / 900,
      },
      {
        figure: '1h BTC on binance: shorts liquidated',
        values: [
          { source: 'liqlens:exchange-streams', value: 200 },
          { source: 'coinank:liquidation-history', value: 200 },
        ],
        spread: 0,
      },
      {
        figure: '1h BTC on binance: total liquidated',
        values: [
          { source: 'liqlens:exchange-streams', value: 800 },
          { source: 'coinank:liquidation-history', value: 1100 },
        ],
        spread: 300 / 1100,
      },
    ]);
    expect((await status.all()).find((r) => r.source === 'coinank:liquidation-history')?.lastSuccess).toBe(NOON);
  });

  it('shows CoinGlass and CoinAnk side by side with our figure: three values, one spread', async () => {
    const { figures, own } = await setup(
      {
        'https://open-api-v4.coinglass.com/': json({
          code: '0',
          data: [{ exchange: 'Binance', liquidation_usd: 1000, long_liquidation_usd: 800, short_liquidation_usd: 200 }],
        }),
        [SYMBOLS]: json(fixture('symbols_Binance_SWAP.from-docs.json')),
        [HISTORY]: json({ success: true, code: '1', data: [bar(NOON - HOUR, 900, 200)] }),
      },
      { coinglass: 'cg-key-123456789', coinank: 'ca-key-123456789' },
    );
    const total = (await figures.realizedComparisons(BTC, on({ coinglass: true, coinank: true }), own)).find((c) => c.figure.endsWith('total liquidated'));
    expect(total?.values.map((v) => [v.source, v.value])).toEqual([
      ['liqlens:exchange-streams', 800],
      ['coinglass:exchange-list', 1000],
      ['coinank:liquidation-history', 1100],
    ]);
    expect(total?.spread).toBeCloseTo(300 / 1100, 12);
  });

  it('a missing hour in CoinAnk leaves no comparison rather than a partial sum', async () => {
    const { figures, own } = await setup({
      [SYMBOLS]: json(fixture('symbols_Binance_SWAP.from-docs.json')),
      [HISTORY]: json({ success: true, code: '1', data: [bar(NOON - 2 * HOUR, 900, 200)] }),
    });
    expect(await figures.realizedComparisons(BTC, on({ coinank: true }), own)).toEqual([]);
  });

  it('switched off, or without a key, asks CoinAnk nothing', async () => {
    const off = await setup({});
    expect(await off.figures.realizedComparisons(BTC, on({ coinank: false }), off.own)).toEqual([]);
    expect(await off.figures.coinankCoinTotals('BTC', on({ coinank: false }))).toBeNull();
    globalThis.indexedDB = new IDBFactory(); // a fresh profile: no key saved anywhere
    const keyless = await setup({}, {});
    expect(await keyless.figures.realizedComparisons(BTC, on({ coinank: true }), keyless.own)).toEqual([]);
    expect([...off.calls, ...keyless.calls]).toHaveLength(0);
  });

  it('a rejected key is recorded in source status and asked once a day', async () => {
    const { figures, calls, status, own } = await setup({ 'https://open-api.coinank.com/': json(fixture('error_invalid_apikey.from-docs.json')) });
    expect(await figures.realizedComparisons(BTC, on({ coinank: true }), own)).toEqual([]);
    expect(await figures.realizedComparisons(BTC, on({ coinank: true }), own)).toEqual([]);
    expect(calls).toHaveLength(1);
    expect((await status.all()).find((r) => r.source === 'coinank:symbols')?.lastError?.message).toBe(
      'CoinAnk rejected the API key. Check it on the options page.',
    );
  });

  it("network-wide totals for a coin: CoinAnk's 1 h and 24 h across the exchanges it tracks", async () => {
    const { figures, calls } = await setup({
      'https://open-api.coinank.com/api/liquidation/allExchange/intervals': json(fixture('coin-intervals_ETH.from-docs.json')),
    });
    const totals = await figures.coinankCoinTotals('ETH', on({ coinank: true }));
    expect(calls[0]!.url).toBe('https://open-api.coinank.com/api/liquidation/allExchange/intervals?baseCoin=ETH');
    expect(totals).toMatchObject({
      source: 'coinank:coin-intervals',
      coin: 'ETH',
      windows: { '24h': { totalUsd: 184611764.59643254 }, '1h': { totalUsd: 556566.77763 } },
      count24h: 15908,
      fetchedAt: NOON,
    });
    // BTC asked, ETH's totals answered: another coin's figure is never shown as this one's.
    expect(await figures.coinankCoinTotals('BTC', on({ coinank: true }))).toBeNull();
  });
});
