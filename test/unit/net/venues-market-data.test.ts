import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { marketData as binance } from '@/core/venues/binance/market-data';
import { venue as binanceVenue } from '@/core/venues/binance/venue';
import { marketData as bybit } from '@/core/venues/bybit/market-data';
import { marketData as okx, contractsEndpoint } from '@/core/venues/okx/market-data';
import { marketData as htx } from '@/core/venues/htx/market-data';
import { marketData as bitget } from '@/core/venues/bitget/market-data';
import { marketData as gate } from '@/core/venues/gate/market-data';
import { marketData as mexc } from '@/core/venues/mexc/market-data';
import { marketData as hyperliquid, tickAt } from '@/core/venues/hyperliquid/market-data';
import { SchemaError } from '@/core/messages/schema';
import { exchangeErrorOf } from '@/core/net/errors';
import { withTakerVolume } from '@/core/net/market-data';

const fixture = (path: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/api/${path}`, import.meta.url)), 'utf8'));
const BTC = 'BTC/USDT:USDT';

describe('binance (recorded)', () => {
  const all = fixture('binance/premiumIndex_all_2024-11-27.recorded.json') as { symbol: string }[];
  it('reads the recorded BTCUSDT mark price', () => {
    const ep = binance.mark(BTC);
    expect(ep.request.url).toBe('https://fapi.binance.com/fapi/v1/premiumIndex?symbol=BTCUSDT');
    const m = ep.parse(all.find((r) => r.symbol === 'BTCUSDT'));
    expect(m.price).toBe(93951.8);
    expect(m.time).toBe(1732715655000);
  });
  it('refuses an answer for another symbol', () => {
    expect(() => binance.mark(BTC).parse(all)).toThrow(SchemaError);
  });
  it('rejects NaN, negative or missing prices', () => {
    for (const markPrice of ['NaN', '-1', '', undefined, 'Infinity']) {
      expect(() => binance.mark(BTC).parse({ symbol: 'BTCUSDT', markPrice, time: 1 })).toThrow(SchemaError);
    }
  });
  it('reads klines rebuilt from the recorded data.binance.vision CSV, with taker-buy volume, dropping the open bar', () => {
    const rows = fixture('binance/klines_BTCUSDT_1h_2025-12-01.rebuilt-from-recorded-csv.json') as unknown[][];
    const lastClose = rows[rows.length - 1]![6] as number;
    const ep = binance.klines!(BTC, '1h', 48, lastClose); // the last bar is still open at this instant
    expect(ep.request.url).toContain('/fapi/v1/klines?symbol=BTCUSDT&interval=1h&limit=48');
    const bars = ep.parse(rows);
    expect(bars).toHaveLength(47);
    expect(bars[0]).toEqual({
      time: 1764547200000,
      open: 90320.5,
      high: 90396.9,
      low: 86939.6,
      close: 86970.7,
      volume: 43263.872,
      quoteVolume: 3826966306.5359,
      takerBuyVolume: 18760.682,
    });
  });
  it('reads open-interest history (rebuilt from the recorded 5m CSV) oldest first', () => {
    const rows = fixture('binance/openInterestHist_BTCUSDT_5m_2026-06-07.rebuilt-from-recorded-csv.json') as unknown[];
    const points = binance.openInterestHistory!(BTC, '5m', 500).parse([...rows].reverse());
    expect(points).toHaveLength(60);
    expect(points[0]!.time).toBe(1780807200000);
    expect(points[0]!.usd).toBeCloseTo(6338566057.9136, 2);
  });
  it('reads instrument facts and the perpetual markets list from exchangeInfo (from docs)', () => {
    const info = fixture('binance/exchangeInfo.from-docs.json');
    expect(binance.instrument(BTC).parse(info)).toMatchObject({ contractSize: 1, tickSize: 0.1 });
    expect(
      binance
        .markets()
        .parse(info)
        .map((m) => m.symbol),
    ).toEqual(['BTC/USDT:USDT', 'ETH/USDT:USDT', 'BTC/USDC:USDC']);
  });
  it('maps symbols both ways', () => {
    expect(binanceVenue.symbols.toId('BTC/USD:BTC')).toBe('BTCUSD_PERP');
    expect(binanceVenue.symbols.toId('BTC/EUR:EUR')).toBeNull();
    expect(binanceVenue.symbols.fromId('1000PEPEUSDT')).toBe('1000PEPE/USDT:USDT');
    expect(binanceVenue.symbols.fromId('ETHUSDC')).toBe('ETH/USDC:USDC');
  });
});

describe('bybit (from docs)', () => {
  it('mark, instrument, markets, klines and OI', () => {
    expect(bybit.mark(BTC).parse(fixture('bybit/tickers_BTCUSDT.from-docs.json'))).toEqual({ price: 16596, time: 1672376496682, source: 'bybit:tickers' });
    const instruments = fixture('bybit/instruments-info_linear.from-docs.json');
    expect(bybit.instrument(BTC).parse(instruments).tickSize).toBe(0.1);
    expect(
      bybit
        .markets()
        .parse(instruments)
        .map((m) => m.symbol),
    ).toEqual(['BTC/USDT:USDT', 'BTC/USDC:USDC']);
    const bars = bybit.klines!(BTC, '5m', 3, 1670608950000).parse(fixture('bybit/kline_BTCUSDT_5.from-docs.json'));
    expect(bars.map((b) => b.time)).toEqual([1670608200000, 1670608500000]);
    expect(bars[0]!.takerBuyVolume).toBeUndefined();
    const oi = bybit.openInterestHistory!(BTC, '5m', 2).parse(fixture('bybit/open-interest_BTCUSDT_5min.from-docs.json'));
    expect(oi[0]).toEqual({ time: 1669571100000, base: 461134292 });
  });
  it('an error envelope is recognised', () => {
    expect(exchangeErrorOf(fixture('bybit/error_invalid_symbol.from-docs.json'))?.code).toBe('10001');
  });
});

describe('okx (from docs)', () => {
  it('mark, instrument ctVal, live markets, confirmed candles, OI history', () => {
    expect(okx.mark(BTC).parse(fixture('okx/mark-price_BTC-USDT-SWAP.from-docs.json')).price).toBe(200);
    const instruments = fixture('okx/instruments_SWAP.from-docs.json');
    expect(okx.instrument(BTC).parse(instruments)).toMatchObject({ contractSize: 0.01, tickSize: 0.1 });
    expect(
      okx
        .markets()
        .parse(instruments)
        .map((m) => m.symbol),
    ).toEqual(['BTC/USDT:USDT', 'ETH/USDT:USDT', 'BTC/USD:BTC', 'IOST/USDT:USDT']);
    expect(contractsEndpoint().parse(instruments)['BTC-USD-SWAP']).toEqual({ ctVal: 100, inverse: true });
    const bars = okx.klines!(BTC, '5m', 3, 0).parse(fixture('okx/candles_BTC-USDT-SWAP_5m.from-docs.json'));
    expect(bars.map((b) => b.time)).toEqual([1597026000000, 1597026300000]);
    expect(bars[0]!.volume).toBe(200);
    expect(okx.openInterestHistory!(BTC, '5m', 2).parse(fixture('okx/open-interest-history_BTC-USDT-SWAP_5m.from-docs.json'))[1]).toEqual({
      time: 1701417600000,
      base: 111,
      usd: 8888888,
    });
  });
  it('an error envelope is recognised', () => {
    expect(exchangeErrorOf(fixture('okx/error_instrument.from-docs.json'))?.code).toBe('51001');
  });
  it('taker volume fills the candles that lack it, and only plausible values', () => {
    const bars = okx.klines!(BTC, '5m', 3, 0).parse(fixture('okx/candles_BTC-USDT-SWAP_5m.from-docs.json'));
    const taker = okx.takerBuyVolume!(BTC, '5m', 3).parse(fixture('okx/taker-volume-contract_BTC-USDT-SWAP_5m.from-docs.json'));
    expect(taker[0]).toEqual({ time: 1597026000000, sell: 150, buy: 50 });
    const merged = withTakerVolume(bars, taker);
    expect(merged[0]!.takerBuyVolume).toBe(50);
    expect(merged[1]!.takerBuyVolume).toBe(12);
    expect(withTakerVolume(bars, [{ time: 1597026000000, buy: 1e9 }])[0]!.takerBuyVolume).toBeUndefined();
  });
});

describe('htx, bitget, gate, mexc, hyperliquid (from docs; hyperliquid meta recorded)', () => {
  it('htx: contract size and mark from the mark-price kline', () => {
    expect(htx.mark(BTC).parse(fixture('htx/mark-price-kline_BTC-USDT.from-docs.json')).price).toBe(31078.68);
    const info = fixture('htx/swap_contract_info.from-docs.json');
    expect(htx.instrument(BTC).parse(info)).toMatchObject({ contractSize: 0.001, tickSize: 0.1 });
    expect(
      htx
        .markets()
        .parse(info)
        .map((m) => m.symbol),
    ).toEqual(['BTC/USDT:USDT', 'ETH/USDT:USDT']);
    expect(exchangeErrorOf(fixture('htx/error.from-docs.json'))?.message).toBe("Contract doesn't exist.");
  });
  it('bitget: tick from pricePlace and priceEndStep', () => {
    expect(bitget.mark(BTC).parse(fixture('bitget/symbol-price_BTCUSDT.from-docs.json')).price).toBe(26243);
    const c = fixture('bitget/contracts_USDT-FUTURES.from-docs.json');
    expect(bitget.instrument(BTC).parse(c).tickSize).toBe(0.1);
    expect(bitget.instrument('ETH/USDT:USDT').parse(c).tickSize).toBe(0.01);
    expect(bitget.markets().parse(c)).toHaveLength(2);
  });
  it('gate: quanto_multiplier is the contract size', () => {
    expect(gate.instrument(BTC).parse(fixture('gate/contract_BTC_USDT.from-docs.json'))).toMatchObject({ contractSize: 0.0001, tickSize: 0.1 });
    expect(gate.mark(BTC).parse(fixture('gate/tickers_BTC_USDT.from-docs.json')).price).toBe(6429.9);
    expect(
      gate
        .markets()
        .parse(fixture('gate/contracts_usdt.from-docs.json'))
        .map((m) => m.symbol),
    ).toEqual(['BTC/USDT:USDT', 'ETH/USDT:USDT']);
    expect(exchangeErrorOf(fixture('gate/error.from-docs.json'))?.code).toBe('CONTRACT_NOT_FOUND');
  });
  it('mexc: contractSize and fair price', () => {
    expect(mexc.instrument(BTC).parse(fixture('mexc/detail_BTC_USDT.from-docs.json'))).toMatchObject({ contractSize: 0.0001, tickSize: 0.5 });
    expect(mexc.mark(BTC).parse(fixture('mexc/fair_price_BTC_USDT.from-docs.json'))).toMatchObject({ price: 8000, time: 1587442022003 });
    expect(exchangeErrorOf(fixture('mexc/error.from-docs.json'))?.code).toBe('1001');
  });
  it('hyperliquid: POST /info, markets from the recorded meta, mark and tick from metaAndAssetCtxs', () => {
    const ep = hyperliquid.markets();
    expect(ep.request).toMatchObject({ url: 'https://api.hyperliquid.xyz/info', method: 'POST', body: { type: 'meta' } });
    const markets = ep.parse(fixture('hyperliquid/meta_2023.recorded.json'));
    expect(markets[0]).toEqual({ venue: 'hyperliquid', symbol: 'BTC/USDC:USDC' });
    const ctxs = fixture('hyperliquid/metaAndAssetCtxs.from-docs.json');
    expect(hyperliquid.mark('BTC/USDC:USDC').parse(ctxs).price).toBe(95000);
    expect(hyperliquid.instrument('BTC/USDC:USDC').parse(ctxs).tickSize).toBe(1);
    expect(tickAt(0.04512, 0)).toBe(0.000001);
    expect(() => hyperliquid.mark('BTC/USDT:USDT')).toThrow('no public market');
  });
});
