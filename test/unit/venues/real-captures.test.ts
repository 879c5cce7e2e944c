/**
 * Venue code against responses recorded from the live exchanges (test/fixtures/api/PROVENANCE.md
 * names each source and date). Each case here failed on code built from documentation alone.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { marketData as hyperliquid } from '@/core/venues/hyperliquid/market-data';
import { tierSource as hyperliquidTiers } from '@/core/venues/hyperliquid/tiers';
import { marketData as bitget } from '@/core/venues/bitget/market-data';
import { tierSource as bitgetTiers } from '@/core/venues/bitget/tiers';
import { parseMarketUrl as hyperliquidUrl } from '@/core/venues/hyperliquid/urls';
import { marketData as binance } from '@/core/venues/binance/market-data';
import { marketData as okx } from '@/core/venues/okx/market-data';
import { marketData as bybit } from '@/core/venues/bybit/market-data';
import { marketData as gate } from '@/core/venues/gate/market-data';
import { tierSource as gateTiers } from '@/core/venues/gate/tiers';
import { marketData as mexc } from '@/core/venues/mexc/market-data';
import { tierSource as mexcTiers } from '@/core/venues/mexc/tiers';
import { UnsupportedMarket } from '@/core/net/market-data';

const recorded = (path: string): unknown => JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/api', path), 'utf8'));
const NOW = Date.parse('2026-12-01T00:00:00Z');

describe('Hyperliquid k-prefixed coins (meta and candleSnapshot recorded 2023-07-17)', () => {
  const KPEPE = 'KPEPE/USDC:USDC';

  it('lists kPEPE as the ccxt-style KPEPE/USDC:USDC, the same market its trading page names', () => {
    const markets = hyperliquid.markets().parse(recorded('hyperliquid/meta_2023-07-17.recorded.json'));
    expect(markets).toContainEqual({ venue: 'hyperliquid', symbol: KPEPE });
    expect(hyperliquidUrl(new URL('https://app.hyperliquid.xyz/trade/kPEPE'))).toEqual({ venue: 'hyperliquid', symbol: KPEPE });
  });

  it('asks the API for "kPEPE", not "KPEPE", and reads the recorded candles', () => {
    const ep = hyperliquid.klines!(KPEPE, '1h', 24, NOW);
    expect(ep.request.body).toMatchObject({ type: 'candleSnapshot', req: { coin: 'kPEPE' } });
    const bars = ep.parse(recorded('hyperliquid/candleSnapshot_kPEPE_1h_2023-07-17.recorded.json'));
    expect(bars).toHaveLength(24);
    expect(bars[0]).toMatchObject({ time: 1684699200000, open: 0.001601, close: 0.001604 });
  });

  it('finds kPEPE in the recorded universe for its tier table', () => {
    const table = hyperliquidTiers.parse(recorded('hyperliquid/meta_2023-07-17.recorded.json'), { venue: 'hyperliquid', symbol: KPEPE }, NOW);
    expect(table.tiers.length).toBeGreaterThan(0);
  });

  it('keeps coins that merely start with K as they are', () => {
    expect(hyperliquid.klines!('KAS/USDC:USDC', '1h', 1, NOW).request.body).toMatchObject({ req: { coin: 'KAS' } });
  });
});

describe('Bitget (candles recorded 2023-12-28)', () => {
  it('reads the recorded USDT-FUTURES candle row', () => {
    const bars = bitget.klines!('BTC/USDT:USDT', '5m', 1, NOW).parse(recorded('bitget/candles_BTCUSDT_1m_2023-12-28.recorded.json'));
    expect(bars).toEqual([{ time: 1703762100000, open: 43094.7, high: 43095.8, low: 43080.4, close: 43084.2, volume: 90.097, quoteVolume: 3882338.2038 }]);
  });

  it('asks for the tiers of a USDC market under the name Bitget gives it (BTCPERP in USDC-FUTURES)', () => {
    const url = bitgetTiers.request({ venue: 'bitget', symbol: 'BTC/USDC:USDC' })!.url;
    expect(url).toContain('symbol=BTCPERP');
    expect(url).toContain('productType=USDC-FUTURES');
    expect(bitget.mark('BTC/USDC:USDC').request.url).toContain('symbol=BTCPERP');
  });
});

describe('Binance (GCT and ccxt recordings, 2020-10 … 2025-08)', () => {
  it('reads the USDⓈ-M and COIN-M premiumIndex of 2023-06-20 (object vs one-row array)', () => {
    expect(binance.mark('BTC/USDT:USDT').parse(recorded('binance/premiumIndex_BTCUSDT_2023-06-20.recorded.json'))).toEqual({
      price: 26780.82240476,
      time: 1687244112000,
      source: 'binance:premiumIndex',
    });
    expect(binance.mark('BTC/USD:BTC').parse(recorded('binance/premiumIndex_dapi_BTCUSD_PERP_2023-06-20.recorded.json'))).toMatchObject({
      price: 26780.2,
      time: 1687244113000,
    });
  });

  it('reads contract size and tick from the 2025-08-07 exchangeInfo (fapi and dapi, 25 symbols each)', () => {
    const fapi = recorded('binance/exchangeInfo_fapi_25-symbols_2025-08-07.recorded.json');
    expect(binance.instrument('BTC/USDT:USDT').parse(fapi)).toMatchObject({ contractSize: 1, tickSize: 0.1 });
    expect(binance.markets().parse(fapi)).toHaveLength(25);
    expect(binance.instrument('BTC/USD:BTC').parse(recorded('binance/exchangeInfo_dapi_25-symbols_2025-08-07.recorded.json'))).toMatchObject({
      contractSize: 100,
      tickSize: 0.1,
    });
  });

  it('reads 12-field klines (strings and integers as sent) and drops the bar still forming', () => {
    // Five daily bars 2020-10-14 … 10-18, the last still forming when recorded (≈ 2020-10-18 03:30 UTC,
    // the time of the OI row recorded with it).
    const daily = binance.klines!('BTC/USDT:USDT', '1h', 5, Date.parse('2020-10-18T03:30:00Z')).parse(
      recorded('binance/klines_BTCUSDT_1d_limit5_2020-10-18.recorded.json'),
    );
    expect(daily).toHaveLength(4);
    expect(daily.at(-1)!.time).toBe(Date.parse('2020-10-17T00:00:00Z'));
    const jan = binance.klines!('BTC/USDT:USDT', '1h', 10, NOW).parse(recorded('binance/klines_BTCUSDT_1d_2023-01-01.recorded.json'));
    expect(jan[0]).toEqual({
      time: 1672531200000,
      open: 16537.5,
      high: 16618.8,
      low: 16488,
      close: 16610.3,
      volume: 105502.965,
      quoteVolume: 1746449849.7392,
      takerBuyVolume: 52617.509,
    });
    const minute = binance.klines!('BTC/USDT:USDT', '5m', 3, NOW).parse(recorded('binance/klines_BTCUSDT_1m_limit3_2024-04-10.recorded.json'));
    expect(minute[1]).toMatchObject({ time: 1712738520000, open: 71471, low: 70459.4, volume: 0.12, takerBuyVolume: 0.061 });
  });

  it('reads openInterestHist rows (coin and USD, strings)', () => {
    expect(binance.openInterestHistory!('BTC/USDT:USDT', '5m', 1).parse(recorded('binance/openInterestHist_BTCUSDT_5m_2020-10-18.recorded.json'))).toEqual([
      { time: 1602989400000, base: 36316.877, usd: 413220015.26744574 },
    ]);
    const ltc = binance.openInterestHistory!('LTC/USDT:USDT', '1h', 10).parse(recorded('binance/openInterestHist_LTCUSDT_1d_2020-10.recorded.json'));
    expect(ltc).toHaveLength(10);
    expect(ltc[0]).toEqual({ time: 1602028800000, base: 286060.674, usd: 13151177.5449312 });
  });
});

describe('OKX (nautilus and ccxt recordings, 2024–2025)', () => {
  it('reads the mark price of 2025-04-14', () => {
    expect(okx.mark('BTC/USDT:USDT').parse(recorded('okx/mark-price_BTC-USDT-SWAP_2025-04-14.recorded.json'))).toEqual({
      price: 84660.1,
      time: 1744590349506,
      source: 'okx:mark-price',
    });
  });

  it('reads ctVal and tickSz of inverse and linear swaps (the tick the liquidation display needs)', () => {
    const json = recorded('okx/instruments_SWAP_3-rows_2025.recorded.json');
    expect(okx.instrument('BTC/USD:BTC').parse(json)).toMatchObject({ contractSize: 100, tickSize: 0.1 });
    expect(okx.instrument('BTC/USDT:USDT').parse(json)).toMatchObject({ contractSize: 0.01, tickSize: 0.1 });
    expect(okx.instrument('ETH/USDT:USDT').parse(json)).toMatchObject({ contractSize: 0.1, tickSize: 0.01 });
    expect(okx.markets().parse(json)).toEqual([
      { venue: 'okx', symbol: 'BTC/USD:BTC' },
      { venue: 'okx', symbol: 'ETH/USDT:USDT' },
      { venue: 'okx', symbol: 'BTC/USDT:USDT' },
    ]);
  });

  it('reads the 9-field candle rows (a SPOT recording: there volCcy is the quote, for swaps the base)', () => {
    const bars = okx.klines!('BTC/USDT:USDT', '1h', 3, NOW).parse(recorded('okx/candles_BTC-USDT-spot_1h_limit3_2024-01-30.recorded.json'));
    expect(bars.map((b) => b.time)).toEqual([1706630400000, 1706634000000, 1706637600000]);
    expect(bars[0]).toMatchObject({ open: 43377.1, high: 43500, low: 43220.9, close: 43495.9 });
  });
});

describe('Bybit (ccxt recordings, 2024)', () => {
  it('reads the tickers mark price; ccxt stored `time` as a string (live: a number), which failed before', () => {
    expect(bybit.mark('BTC/USDT:USDT').parse(recorded('bybit/tickers_linear_BTCUSDT_2024-02-14.recorded.json'))).toEqual({
      price: 51444.4,
      time: 1707905549267,
      source: 'bybit:tickers',
    });
    expect(bybit.mark('BTC/USDT:USDT').parse(recorded('bybit/tickers_linear_BTCUSDT_2024-11-04.recorded.json'))).toMatchObject({ time: 1730730080834 });
  });

  it('reads kline rows newest-first into oldest-first bars', () => {
    const bars = bybit.klines!('BTC/USDT:USDT', '1h', 3, NOW).parse(recorded('bybit/kline_linear_BTCUSDT_1h_limit3_2024-01-30.recorded.json'));
    expect(bars.map((b) => b.time)).toEqual([1706630400000, 1706634000000, 1706637600000]);
    expect(bars[2]).toMatchObject({ open: 43376.1, close: 43352.8, volume: 1575.305, quoteVolume: 68345898.1407 });
  });
});

describe('Bybit open interest (ccxt recordings, 2025-02-16, limit 1)', () => {
  it('reads linear open interest in the base coin and inverse in USD, from the endpoint the model asks', () => {
    expect(bybit.openInterestHistory!('BTC/USDT:USDT', '1h', 1).parse(recorded('bybit/open-interest_linear_BTCUSDT_limit1_2025-02-16.recorded.json'))).toEqual([
      { time: 1739725200000, base: 62129.455 },
    ]);
    expect(bybit.openInterestHistory!('BTC/USD:BTC', '1h', 1).parse(recorded('bybit/open-interest_inverse_BTCUSD_limit1_2025-02-16.recorded.json'))).toEqual([
      { time: 1739725200000, usd: 1536179414 },
    ]);
  });
});

describe('Bitget inverse candle (ccxt recording, 2023-12-28)', () => {
  it('reads the COIN-FUTURES BTCUSD row', () => {
    expect(bitget.klines!('BTC/USD:BTC', '5m', 1, NOW).parse(recorded('bitget/candles_BTCUSD-inverse_1m_2023-12-28.recorded.json'))).toEqual([
      { time: 1703762100000, open: 43113.6, high: 43113.6, low: 43104.1, close: 43104.1, volume: 0.199, quoteVolume: 8578.3319 },
    ]);
  });
});

describe('Gate (GCT and ccxt recordings)', () => {
  it('reads the risk_limit_table rows of table BTC_USDT_202507040223 (≈ 2025-09; GCT kept tiers 1–5)', () => {
    const table = gateTiers.parse(
      recorded('gate/risk_limit_table_BTC_USDT_202507040223_2025-09.recorded.json'),
      { venue: 'gate', symbol: 'BTC/USDT:USDT' },
      NOW,
    );
    expect(table.tiers.slice(0, 2)).toEqual([
      { floor: 0, cap: 1_000_000, mmr: 0.004, maintenanceAmount: 0, maxLeverage: 125 },
      { floor: 1_000_000, cap: 1_500_000, mmr: 0.0045, maintenanceAmount: 500, maxLeverage: 111 },
    ]);
    expect(table.tiers).toHaveLength(5);
    expect(table.asOf).toBe(NOW);
  });

  it('declines the inverse BTC_USD contract of the recorded btc-settled row: LiqLens reads USDT-settled Gate only', () => {
    expect(() => gate.instrument('BTC/USD:BTC')).toThrow(UnsupportedMarket);
  });
});

describe('Gate mark and instrument (GCT recording, 2026-04-05)', () => {
  it("reads BTC_USDT's mark from the tickers answer and its contract size and tick from the contract", () => {
    expect(gate.mark('BTC/USDT:USDT').parse(recorded('gate/tickers_BTC_USDT_2026-04-05.recorded.json')).price).toBe(67478);
    expect(gate.instrument('BTC/USDT:USDT').parse(recorded('gate/contract_BTC_USDT_2026-04-05.recorded.json'))).toMatchObject({
      contractSize: 0.0001,
      tickSize: 0.1,
    });
  });

  it('lists the USDT contracts of the recorded list (five kept by GCT, tokenised stocks among them)', () => {
    const markets = gate.markets().parse(recorded('gate/contracts_usdt_5-contracts_2026-04-05.recorded.json'));
    expect(markets.length).toBeGreaterThan(0);
    expect(markets.every((m) => m.venue === 'gate' && m.symbol.endsWith('/USDT:USDT'))).toBe(true);
  });
});

describe('MEXC (GCT recording, 2025-12-31)', () => {
  const BTC = { venue: 'mexc' as const, symbol: 'BTC/USDT:USDT' };

  it('reads the fair (mark) price and the contract size and tick of BTC_USDT', () => {
    expect(mexc.mark(BTC.symbol).parse(recorded('mexc/fair_price_BTC_USDT_2025-12-31.recorded.json')).price).toBe(87790.2);
    expect(mexc.instrument(BTC.symbol).parse(recorded('mexc/detail_BTC_USDT_2025-12-31.recorded.json'))).toMatchObject({
      contractSize: 0.0001,
      tickSize: 0.1,
    });
  });

  it('reads the live CUSTOM levels although the list ends (8.5M contracts) below riskBaseVol (11.5M), which the docs-built parser refused', () => {
    const table = mexcTiers.parse(recorded('mexc/detail_BTC_USDT_2025-12-31.recorded.json'), BTC, NOW);
    // maxVol in contracts × contractSize 0.0001 BTC: 5, 12, 25, 200, 850 BTC.
    expect(table.tiers.map((t) => [t.cap, t.mmr, t.maxLeverage])).toEqual([
      [5, 0.001, 500],
      [12, 0.004, 200],
      [25, 0.005, 100],
      [200, 0.01, 50],
      [850, 0.02, 20],
    ]);
    expect(table.basis).toBe('quantity');
  });
});

describe('Hyperliquid metaAndAssetCtxs (a live testnet answer, 2024-12-21)', () => {
  const ctxs = () => recorded('hyperliquid/metaAndAssetCtxs_testnet_2024-12-21.recorded.json');

  it('reads the mark and tick of BTC from 142 markets, some with null mid and impact prices', () => {
    expect(hyperliquid.mark('BTC/USDC:USDC').parse(ctxs()).price).toBe(98818);
    // szDecimals 5 → 1 decimal, and 5 significant figures at 98,818 → 1: tick 1.
    expect(hyperliquid.instrument('BTC/USDC:USDC').parse(ctxs()).tickSize).toBe(1);
  });

  it('reads a coin listed after BTC by its own index (the contexts are matched by position)', () => {
    expect(hyperliquid.mark('HYPE/USDC:USDC').parse(ctxs()).price).toBe(5541.7);
  });
});

describe('Hyperliquid candles (ccxt recording, 2024-03-16)', () => {
  it('reads candles whose t/T/n ccxt stored as strings (live: numbers), which failed before', () => {
    const bars = hyperliquid.klines!('BTC/USDC:USDC', '5m', 2, NOW).parse(recorded('hyperliquid/candleSnapshot_BTC_1m_2024-03-16.recorded.json'));
    expect(bars[0]).toMatchObject({ time: 1710552360000, open: 69584, high: 69610, low: 69474, close: 69483, volume: 6.83271 });
  });
});
