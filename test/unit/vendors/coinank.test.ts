import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IDBFactory } from 'fake-indexeddb';
import { createFetcher } from '@/core/net/fetcher';
import { SchemaError } from '@/core/messages/schema';
import { createKeyStore, idbKeyArea, type LocalStorageArea } from '@/core/vendors/keys';
import { createVendorClient } from '@/core/vendors/client';
import { coinIntervals, liqHeatmap, pairHistory, sumHours, symbols, usdtPerpetual } from '@/core/vendors/coinank';
import { FakeClock, fakeFetch, json, response } from '../net/fakes';

const fixture = (path: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/api/coinank/${path}`, import.meta.url)), 'utf8'));
const KEY = 'ca-secret-key-0123456789';
const HOST = 'https://open-api.coinank.com/';
const HOUR = 3_600_000;

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

async function client(routes: Parameters<typeof fakeFetch>[0], granted = true, withKey = true) {
  const clock = new FakeClock();
  const { fetch, calls } = fakeFetch(routes);
  const keys = createKeyStore(idbKeyArea(), fakeBrowser.storage.local as unknown as LocalStorageArea);
  if (withKey) await keys.set('coinank', KEY);
  const vendors = createVendorClient({
    fetcher: createFetcher({ fetch, clock }),
    keys,
    permissions: { hasOrigin: async (o) => granted && o === 'https://open-api.coinank.com/*' },
  });
  return { vendors, keys, calls, clock };
}

describe('CoinAnk client', () => {
  it("sends the key in CoinAnk's `apikey` header, to CoinAnk only, never in the URL", async () => {
    const { vendors, calls } = await client({ [HOST]: json(fixture('coin-intervals_ETH.from-docs.json')) });
    const totals = await vendors.call('coinank', coinIntervals('ETH'));
    expect(calls[0]!.url).toBe('https://open-api.coinank.com/api/liquidation/allExchange/intervals?baseCoin=ETH');
    expect(calls[0]!.init.headers.apikey).toBe(KEY);
    expect(calls[0]!.init.headers['CG-API-KEY']).toBeUndefined();
    expect(calls[0]!.url).not.toContain(KEY);
    expect(calls[0]!.init.redirect).toBe('error');
    expect(totals.windows['24h']).toEqual({ totalUsd: 184611764.59643254, longUsd: 163020735.4680299, shortUsd: 21591029.128402635 });
  });

  it('refuses without a key or without the host permission, and calls nothing', async () => {
    const none = await client({}, true, false);
    await expect(none.vendors.call('coinank', coinIntervals('BTC'))).rejects.toThrow('No CoinAnk API key saved');
    const denied = await client({}, false);
    await expect(denied.vendors.call('coinank', coinIntervals('BTC'))).rejects.toThrow('allow access to https://open-api.coinank.com');
    expect([...none.calls, ...denied.calls]).toHaveLength(0);
  });

  it('code -3 inside HTTP 200 is a rejected key', async () => {
    const { vendors } = await client({ [HOST]: json(fixture('error_invalid_apikey.from-docs.json')) });
    const err = (await vendors.call('coinank', coinIntervals('BTC')).catch((e: Error) => e)) as Error & { kind: string };
    expect(err.message).toBe('CoinAnk rejected the API key. Check it on the options page.');
    expect(err.kind).toBe('no-key');
  });

  it('codes -4/-5/-6 and HTTP 402 say which feature the API level lacks', async () => {
    const low = await client({ [HOST]: json(fixture('error_no_access_api.from-docs.json')) });
    await expect(low.vendors.call('coinank', liqHeatmap('Binance', 'BTCUSDT', '1d'))).rejects.toThrow(
      'CoinAnk says your API level does not include the liquidation heatmap.',
    );
    const pay = await client({ [HOST]: json({ x402Version: 1, error: 'payment required' }, 402) });
    await expect(pay.vendors.call('coinank', coinIntervals('BTC'))).rejects.toMatchObject({ kind: 'plan' });
  });

  it('never lets an error that echoes the key reach a message', async () => {
    const { vendors } = await client({ [HOST]: json({ success: false, code: '0', msg: `system error for apikey ${KEY}` }) });
    const err = (await vendors.call('coinank', coinIntervals('BTC')).catch((e: Error) => e)) as Error;
    expect(err.message).toContain('…6789');
    expect(JSON.stringify(err)).not.toContain(KEY);
    expect(err.message).not.toContain(KEY);
    const tested = await vendors.test('coinank');
    expect(tested).toMatchObject({ ok: false });
    expect(tested.message).not.toContain(KEY);
  });

  it('rate limits: HTTP 429 with Retry-After and code -2 inside HTTP 200', async () => {
    const http = await client({ [HOST]: json({ success: false, code: '-2', msg: 'too frequent' }, 429, { 'Retry-After': '9' }) });
    expect(await http.vendors.test('coinank')).toEqual({ ok: false, message: "CoinAnk says the key's request limit is used up. Retrying in 9 s." });
    const body = await client({ [HOST]: json({ success: false, code: '-2', msg: 'too frequent' }) });
    await expect(body.vendors.call('coinank', coinIntervals('BTC'))).rejects.toMatchObject({ kind: 'rate-limited' });
  });

  it('code -7 (endTime out of range) points at the clock', async () => {
    const { vendors } = await client({ [HOST]: json({ success: false, code: '-7', msg: 'out of time range' }) });
    await expect(vendors.call('coinank', pairHistory('Binance', 'BTCUSDT', Date.now(), 25))).rejects.toThrow("check this computer's clock");
  });

  it('an HTML error page, malformed JSON and an unknown success shape each get a clear message', async () => {
    const html = await client({ [HOST]: response(502, '<html><body>Bad gateway</body></html>') });
    expect((await html.vendors.test('coinank')).message).toMatch(/^CoinAnk: .*web page/);
    const broken = await client({ [HOST]: response(200, '{"success":true,"code":"1","data":') });
    expect((await broken.vendors.test('coinank')).message).toMatch(/^CoinAnk: .*not valid JSON/);
    const nested = await client({ [HOST]: json({ success: true, code: '1', data: { success: true, code: '1', data: [] } }) });
    expect((await nested.vendors.test('coinank')).message).toMatch(/^CoinAnk: .*unexpected data/);
  });

  it('vendor.test: one cheap real call, the 24 h figure in the sentence', async () => {
    const { vendors, calls } = await client({ [HOST]: json(fixture('../../replay/coinank/coinank_liquidation_allExchange_intervals_BTC.from-docs.json')) });
    const r = await vendors.test('coinank');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toContain('baseCoin=BTC');
    // The documented ETH example renamed to BTC (stand-in values, see the replay PROVENANCE).
    expect(r).toEqual({ ok: true, message: 'CoinAnk answered: BTC liquidations in the last 24 h, $184.6M across the exchanges it tracks.' });
    // The documented ETH answer to a BTC question is refused, not shown as BTC's.
    const wrong = await client({ [HOST]: json(fixture('coin-intervals_ETH.from-docs.json')) });
    expect((await wrong.vendors.test('coinank')).message).toMatch(/^CoinAnk: .*unexpected data.*baseCoin/);
  });
});

describe('CoinAnk parsers (from docs)', () => {
  it('coin intervals: network-wide windows, the largest order, and a split that does not add up is withheld', () => {
    const t = coinIntervals('ETH').parse(fixture('coin-intervals_ETH.from-docs.json'));
    expect(t.windows['1h']).toEqual({ totalUsd: 556566.77763, longUsd: 3984.90832, shortUsd: 552581.86931 });
    expect(t.count24h).toBe(15908);
    expect(t.largest).toEqual({ exchange: 'Hyperliquid', symbol: 'ETHUSDC', side: 'long', usd: 4501749.45857, time: 1763576654551 });
    const broken = structuredClone(fixture('coin-intervals_ETH.from-docs.json')) as { data: { '24h': { longTurnover: number } } };
    broken.data['24h'].longTurnover = 1;
    expect(coinIntervals('ETH').parse(broken).windows['24h']).toEqual({ totalUsd: 184611764.59643254, longUsd: null, shortUsd: null });
  });

  it('pair history: bars sorted, a missing side is zero, only complete hours are summed', () => {
    const rows = pairHistory('Binance', 'BTCUSDT', 1725972522356, 10).parse(fixture('liquidation-history_Binance_BTCUSDT_1h.from-docs.json'));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({ time: 1725937200000, longUsd: 123431.9085, shortUsd: 0 });
    // The last three complete hours before 14:00 UTC on 2024-09-10 (rows 7–9 of the documented example).
    const to = 1725969600000 + HOUR;
    const sum = sumHours(rows, to - 3 * HOUR, to);
    expect(sum.hours).toBe(3);
    expect(sum.longUsd).toBeCloseTo(50963.8532 + 969.8266 + 67206.8307, 6);
    expect(sum.shortUsd).toBeCloseTo(50844.8098 + 85064.11506 + 234223.3304, 6);
    // The bar still running at `to` is left out.
    expect(sumHours(rows, to - 3 * HOUR, to - 1).hours).toBe(2);
    const gap = { success: true, code: '1', data: [{ symbol: 'BTCUSDT', exchangeName: 'Binance', ts: 1725937200000, longTurnover: 5 }] };
    expect(pairHistory('Binance', 'BTCUSDT', 0, 1).parse(gap)).toEqual([{ time: 1725937200000, longUsd: 5, shortUsd: 0 }]);
  });

  it("pair history refuses another pair's or exchange's rows, negative, huge and null figures", () => {
    const base = fixture('liquidation-history_Binance_BTCUSDT_1h.from-docs.json') as { data: Record<string, unknown>[] };
    const edit = (field: string, value: unknown) => {
      const copy = structuredClone(base);
      copy.data[4]![field] = value;
      return () => pairHistory('Binance', 'BTCUSDT', 0, 10).parse(copy);
    };
    expect(edit('exchangeName', 'OKX')).toThrow(SchemaError);
    expect(edit('symbol', 'ETHUSDT')).toThrow(SchemaError);
    expect(edit('longTurnover', -1)).toThrow(SchemaError);
    expect(edit('shortTurnover', 1e15)).toThrow(SchemaError);
    expect(edit('longTurnover', null)).toThrow(SchemaError);
    expect(edit('ts', 1.5)).toThrow(SchemaError);
  });

  it("finds the coin's USDT perpetual in each exchange's spelling", () => {
    const list = symbols('Binance').parse(fixture('symbols_Binance_SWAP.from-docs.json'));
    expect(usdtPerpetual(list, 'BTC')).toBe('BTCUSDT');
    expect(usdtPerpetual(list, 'SOL')).toBeNull();
    expect(
      usdtPerpetual(
        [
          { symbol: 'BTC-USDT-SWAP', baseCoin: 'BTC' },
          { symbol: 'BTC-USD-SWAP', baseCoin: 'BTC' },
        ],
        'BTC',
      ),
    ).toBe('BTC-USDT-SWAP');
    expect(usdtPerpetual([{ symbol: 'ETH_USDT', baseCoin: 'ETH' }], 'eth')).toBe('ETH_USDT');
  });

  it('heatmap: the documented example (all zero) gives no level; the newest column gives the current levels', () => {
    expect(liqHeatmap('Binance', 'BTCUSDT', '1d').parse(fixture('liq-heatmap_Binance_BTCUSDT_1d.from-docs.json'))).toEqual([]);
    const doc = structuredClone(fixture('liq-heatmap_Binance_BTCUSDT_1d.from-docs.json')) as { data: { liqHeatMap: { data: string[][] } } };
    // Stand-in values on the documented grid: an older column, and the newest one (index 2).
    doc.data.liqHeatMap.data = [
      ['0', '1', '900'],
      ['2', '0', '125000.5'],
      ['2', '2', '3400000'],
      ['2', '1', '0'],
    ];
    expect(liqHeatmap('Binance', 'BTCUSDT', '1d').parse(doc)).toEqual([
      { price: 97750, usd: 125000.5 },
      { price: 97850, usd: 3400000 },
    ]);
    doc.data.liqHeatMap.data = [['2', '7', '1']];
    expect(() => liqHeatmap('Binance', 'BTCUSDT', '1d').parse(doc)).toThrow(SchemaError);
    doc.data.liqHeatMap.data = [['0.5', '1', '1']];
    expect(() => liqHeatmap('Binance', 'BTCUSDT', '1d').parse(doc)).toThrow(SchemaError);
  });
});
