import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvFormatError, parseKlinesCsv, parseLiquidationsCsv, parseOiCsv, toMs } from '@/core/model/csv';

const dir = path.resolve(__dirname, '../../fixtures/market');
const read = (p: string) => fs.readFileSync(path.join(dir, p), 'utf8');
const KLINES_DEC = 'klines/binance_um_BTCUSDT-1h-2025-12.csv';
const REGIME = 'oi/coinglass_BTC_regime_1h_2025-12-04_2026-02-28.csv';
const LIQ = 'liquidations/coinglass_aggregated_liquidation_history_BTC_Binance-Bybit-OKX_1h_2025-11-23_2026-02-28.csv';

describe('kline CSVs (data.binance.vision)', () => {
  it('reads the USDⓈ-M 1h file with its header, taker and quote volume included', () => {
    const bars = parseKlinesCsv(read(KLINES_DEC));
    expect(bars).toHaveLength(744);
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
    expect(bars[743]!.time - bars[0]!.time).toBe(743 * 3_600_000);
  });

  it('reads the same rows without a header row (positional columns)', () => {
    const text = read(KLINES_DEC);
    const headerless = text.slice(text.indexOf('\n') + 1);
    expect(parseKlinesCsv(headerless)).toEqual(parseKlinesCsv(text));
  });

  it('turns microsecond open times (spot files since 2025) into ms', () => {
    const bars = parseKlinesCsv(read('klines/binance_SPOT_BTCUSDT-1m-2025-11-21-first120.csv'));
    expect(bars).toHaveLength(120);
    expect(bars[0]!.time).toBe(Date.UTC(2025, 10, 21));
    expect(bars[1]!.time - bars[0]!.time).toBe(60_000);
    expect(toMs(1763596800000000)).toBe(1763596800000);
    expect(toMs(1763596800)).toBe(1763596800000);
  });

  it('rejects a file that is not klines with the missing column named', () => {
    expect(() => parseKlinesCsv(read(LIQ), 'liq.csv')).toThrow(CsvFormatError);
    expect(() => parseKlinesCsv(read(LIQ), 'liq.csv')).toThrow(/liq\.csv: not a kline CSV, missing column\(s\) open, high, low, close, volume/);
    expect(() => parseKlinesCsv('', 'empty.csv')).toThrow(/empty file/);
    expect(() => parseKlinesCsv('1,2,3\n', 'short.csv')).toThrow(/expected ≥ 6 columns/);
    expect(() => parseKlinesCsv('1764547200000,1,2,x,4,5\n', 'junk.csv')).toThrow(/row 1 is not a kline/);
  });
});

describe('open-interest CSVs', () => {
  it('reads timestamp and oi_close by header name out of the CoinGlass regime file', () => {
    const oi = parseOiCsv(read(REGIME));
    expect(oi[0]).toEqual({ time: 1764828000000, usd: 8248989576 });
    expect(oi.length).toBe(2078);
  });

  it('reads the 5m Binance openInterestHist merge the same way', () => {
    const oi = parseOiCsv(read('oi/binance_um_BTCUSDT_5m_klines_oiHist_merged_2026-06-07_2026-06-22.csv'));
    expect(oi[1]!.time - oi[0]!.time).toBe(300_000);
    expect(oi[0]!.usd).toBeCloseTo(6338566057.9136, 3);
  });

  it('names the missing column', () => {
    expect(() => parseOiCsv(read(KLINES_DEC), 'k.csv')).toThrow(/k\.csv: missing column timestamp/);
    expect(() => parseOiCsv(read(LIQ), 'l.csv')).toThrow(/l\.csv: missing column oi_close/);
  });
});

describe('realized-liquidation CSVs', () => {
  it('reads the CoinGlass aggregated-history file (longUsd/shortUsd)', () => {
    const liq = parseLiquidationsCsv(read(LIQ));
    expect(liq[0]).toEqual({ time: 1763874000000, longUsd: 702059.93624, shortUsd: 79334.1739 });
  });

  it('also reads liquidation_long_usd/liquidation_short_usd from the regime file', () => {
    const liq = parseLiquidationsCsv(read(REGIME));
    expect(liq[0]).toEqual({ time: 1764828000000, longUsd: 42620.5427, shortUsd: 1499665.49438 });
  });

  it('agrees with the aggregated-history file where both cover the same hour', () => {
    const a = new Map(parseLiquidationsCsv(read(LIQ)).map((p) => [p.time, p]));
    const b = parseLiquidationsCsv(read(REGIME));
    const same = b.filter((p) => a.has(p.time));
    expect(same.length).toBeGreaterThan(2000);
    const close = same.filter((p) => Math.abs(a.get(p.time)!.longUsd - p.longUsd) <= 1e-6 * (1 + p.longUsd));
    expect(close.length / same.length).toBeGreaterThan(0.95);
  });

  it('names the missing columns', () => {
    expect(() => parseLiquidationsCsv(read(KLINES_DEC), 'k.csv')).toThrow(/missing column timestamp/);
  });
});
