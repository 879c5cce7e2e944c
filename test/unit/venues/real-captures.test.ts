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
