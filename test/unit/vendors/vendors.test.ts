import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createFetcher } from '@/core/net/fetcher';
import { IDBFactory } from 'fake-indexeddb';
import { createKeyStore, idbKeyArea, redactKey, LEGACY_STORAGE_KEY, type LocalStorageArea } from '@/core/vendors/keys';
import { createVendorClient } from '@/core/vendors/client';
import { aggregatedHistory, aggregatedHeatmap, aggregatedMap, exchangeList } from '@/core/vendors/coinglass';
import { liquidationHistory, futureMarkets } from '@/core/vendors/coinalyze';
import { FakeClock, fakeFetch, json } from '../net/fakes';

const fixture = (path: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/api/${path}`, import.meta.url)), 'utf8'));
const KEY = 'cg-secret-key-0123456789';

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

const local = (): LocalStorageArea => fakeBrowser.storage.local as unknown as LocalStorageArea;

function client(routes: Parameters<typeof fakeFetch>[0], granted = true) {
  const clock = new FakeClock();
  const { fetch, calls } = fakeFetch(routes);
  const keys = createKeyStore(idbKeyArea(), local());
  const vendors = createVendorClient({ fetcher: createFetcher({ fetch, clock }), keys, permissions: { hasOrigin: async () => granted } });
  return { vendors, keys, calls };
}

describe('vendor keys', () => {
  it("live in the extension origin's IndexedDB only, and an empty key removes them", async () => {
    const keys = createKeyStore(idbKeyArea(), local());
    await keys.set('coinglass', `  ${KEY} `);
    expect(await keys.get('coinglass')).toBe(KEY);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await idbKeyArea().read()).toEqual({ coinglass: KEY });
    await keys.set('coinglass', '');
    expect(await keys.has('coinglass')).toBe(false);
    expect(redactKey(KEY)).toBe('…6789');
  });
});

describe('vendor keys left in storage.local by 0.1.0', () => {
  it('move to IndexedDB on first use and leave storage.local', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_STORAGE_KEY]: { coinglass: KEY, coinalyze: 'old-cz', bogus: 1 }, settings: { keep: true } });
    await idbKeyArea().write({ coinalyze: 'newer-cz' });
    const keys = createKeyStore(idbKeyArea(), local());
    expect(await keys.get('coinglass')).toBe(KEY);
    // A key already in the new store wins over the old copy.
    expect(await keys.get('coinalyze')).toBe('newer-cz');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: { keep: true } });
    expect(await idbKeyArea().read()).toEqual({ coinglass: KEY, coinalyze: 'newer-cz' });
  });
});

describe('vendor client', () => {
  it('sends the key in the CoinGlass header, to CoinGlass only, never in the URL', async () => {
    const { vendors, keys, calls } = client({ 'https://open-api-v4.coinglass.com/': json(fixture('coinglass/exchange-list_BTC_24h.from-docs.json')) });
    await keys.set('coinglass', KEY);
    const rows = await vendors.call('coinglass', exchangeList('BTC', '24h'));
    expect(calls[0]!.init.headers['CG-API-KEY']).toBe(KEY);
    expect(calls[0]!.url).not.toContain(KEY);
    expect(rows.find((r) => r.exchange === 'Bybit')).toMatchObject({ longUsd: 104560.14, shortUsd: 4480729.99 });
    // The documented data bug (long = short = 0, total right) must not be shown as a split.
    expect(rows.find((r) => r.exchange === 'Binance')).toMatchObject({ totalUsd: 6_000_000, longUsd: null, shortUsd: null });
  });

  it('turns "401 inside HTTP 200" into a clear key message without echoing the key', async () => {
    const { vendors, keys } = client({ 'https://open-api-v4.coinglass.com/': json(fixture('coinglass/error_key_missing.from-docs.json')) });
    await keys.set('coinglass', KEY);
    const err = await vendors.call('coinglass', exchangeList('BTC', '24h')).catch((e: Error) => e);
    expect((err as Error).message).toBe('CoinGlass rejected the API key. Check it on the options page.');
    expect((err as Error).message).not.toContain(KEY);
  });

  it('never lets a vendor error that echoes the key reach a message', async () => {
    const echo = { code: '500', msg: `internal error for key ${KEY}, try again` };
    const { vendors, keys } = client({ 'https://open-api-v4.coinglass.com/': json(echo) });
    await keys.set('coinglass', KEY);
    const err = (await vendors.call('coinglass', exchangeList('BTC', '24h')).catch((e: Error) => e)) as Error;
    expect(err.message).toContain('internal error for key …6789');
    expect(err.message).not.toContain(KEY);
    expect(JSON.stringify(err)).not.toContain(KEY);
    const tested = await vendors.test('coinglass');
    expect(tested.ok).toBe(false);
    expect(tested.message).not.toContain(KEY);
  });

  it('says which feature the plan lacks', async () => {
    const { vendors, keys } = client({ 'https://open-api-v4.coinglass.com/': json(fixture('coinglass/error_upgrade_plan.from-docs.json')) });
    await keys.set('coinglass', KEY);
    await expect(vendors.call('coinglass', aggregatedHeatmap('BTC', '3d'))).rejects.toThrow(
      'CoinGlass says your plan does not include the liquidation heatmap.',
    );
  });

  it('refuses without a key or without the host permission, and calls nothing', async () => {
    const { vendors, keys, calls } = client({}, false);
    await expect(vendors.call('coinalyze', futureMarkets())).rejects.toThrow('No Coinalyze API key saved');
    await keys.set('coinalyze', 'abc');
    await expect(vendors.call('coinalyze', futureMarkets())).rejects.toThrow('allow access to https://api.coinalyze.net');
    expect(calls).toHaveLength(0);
  });

  it('vendor.test reports ok or the problem in a sentence', async () => {
    const ok = client({ 'https://api.coinalyze.net/': json([{ name: 'Binance', code: 'A' }]) });
    await ok.keys.set('coinalyze', 'abc');
    expect(await ok.vendors.test('coinalyze')).toEqual({ ok: true, message: 'Coinalyze answered: 1 exchanges available.' });
    expect(ok.calls[0]!.init.headers.api_key).toBe('abc');
    const limited = client({ 'https://api.coinalyze.net/': json({ message: 'rate limit' }, 429, { 'Retry-After': '7' }) });
    await limited.keys.set('coinalyze', 'abc');
    expect(await limited.vendors.test('coinalyze')).toEqual({ ok: false, message: "Coinalyze says the key's request limit is used up. Retrying in 7 s." });
    const html = client({
      'https://open-api-v4.coinglass.com/': { status: 503, ok: false, headers: { get: () => null }, text: async () => '<html>down</html>' },
    });
    await html.keys.set('coinglass', KEY);
    const r = await html.vendors.test('coinglass');
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^CoinGlass: .*web page/);
  });
});

describe('vendor parsers (from docs)', () => {
  it('aggregated history accepts numbers and numeric strings', () => {
    const h = aggregatedHistory('BTC', ['Binance', 'OKX', 'Bybit'], '1h', 24).parse(fixture('coinglass/aggregated-history_BTC_1h.from-docs.json'));
    expect(h[1]).toEqual({ time: 1658883600000, longUsd: 1000, shortUsd: 2000 });
  });
  it('the aggregated map sums rows per price', () => {
    const levels = aggregatedMap('BTC', '1d').parse(fixture('coinglass/aggregated-map_BTC_1d.from-docs.json'));
    expect(levels).toEqual([
      { price: 48935, usd: 1579370.77 },
      { price: 49100, usd: 500000 },
      { price: 52000, usd: 900000 },
    ]);
  });
  it('the heatmap takes the newest column only', () => {
    const body = {
      code: '0',
      msg: 'success',
      data: {
        y_axis: [100, 101, 102],
        liquidation_leverage_data: [
          [0, 0, 5],
          [1, 1, 7],
          [1, 2, 9],
          [0, 2, 100],
        ],
        price_candlesticks: [],
      },
    };
    expect(aggregatedHeatmap('BTC', '3d').parse(body)).toEqual([
      { price: 101, usd: 7 },
      { price: 102, usd: 9 },
    ]);
  });
  it('coinalyze liquidation history: seconds in, ms out, USD requested', () => {
    const ep = liquidationHistory(['BTCUSDT_PERP.A'], 1717000000_000, 1717086400_000);
    expect(ep.request.url).toContain('from=1717000000&to=1717086400&convert_to_usd=true');
    expect(ep.parse(fixture('coinalyze/liquidation-history_BTCUSDT_PERP.A.from-docs.json'))[0]!.history[0]).toEqual({
      time: 1717002000000,
      longUsd: 152340.5,
      shortUsd: 80211.2,
    });
    expect(
      futureMarkets()
        .parse(fixture('coinalyze/future-markets.from-docs.json'))
        .map((m) => m.exchange),
    ).toEqual(['A', '6']);
  });
});
