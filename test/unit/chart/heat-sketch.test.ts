import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { candlesIn, heatRange, shapeHeat } from '@/core/chart/chart-data';
import { heatSketch, priceToY, SKETCH_PRICE_AXIS, SKETCH_TIME_AXIS } from '@/core/chart/heat-sketch';
import { parseKlinesCsv, parseOiCsv } from '@/core/model/csv';
import { buildHeatmap } from '@/core/service/model-bridge';

const HOUR = 3_600_000;
const F = 'test/fixtures/market';

/** The side panel's 7-day answer shaped from real recorded data (Binance BTCUSDT 1h klines, CoinGlass BTC OI), as chart-data.test.ts builds it. */
function recordedChart() {
  const bars = parseKlinesCsv(readFileSync(`${F}/klines/binance_um_BTCUSDT-1h-2025-12.csv`, 'utf8')).slice(-8 * 24);
  const oi = parseOiCsv(readFileSync(`${F}/oi/coinglass_BTC_regime_1h_2025-12-04_2026-02-28.csv`, 'utf8'));
  const price = bars.at(-1)!.close;
  const model = buildHeatmap({
    market: { venue: 'binance', symbol: 'BTC/USDT:USDT' },
    preset: 'default',
    interval: '1h',
    lookbackDays: 8,
    windowPct: 10,
    price,
    now: bars.at(-1)!.time + HOUR,
    venues: [{ venue: 'binance', bars, oi: oi.map((p) => ({ time: p.time + HOUR, usd: p.usd })), mmr: 0.004 }],
  })!;
  const to = model.history!.times.at(-1)!;
  const from = to - 168 * HOUR;
  const candles = candlesIn(model.candles!.bars, from - HOUR, to);
  return { grid: shapeHeat(model.history!, { from, to }, heatRange(candles, price))!, candles };
}

describe("the side panel's first frame (plain canvas) from a real 7-day chart answer", () => {
  const { grid, candles } = recordedChart();
  const s = heatSketch(grid, candles, 396, 360)!;

  it('leaves room for the price and time scales and keeps every candle inside the plot', () => {
    expect(s.width).toBe(396 - SKETCH_PRICE_AXIS);
    expect(s.height).toBe(360 - SKETCH_TIME_AXIS);
    expect(s.bars).toHaveLength(candles.length);
    for (const { x, candle } of s.bars) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(s.width);
      expect(priceToY(s, candle.high)).toBeGreaterThanOrEqual(0);
      expect(priceToY(s, candle.low)).toBeLessThanOrEqual(s.height);
      expect(priceToY(s, candle.high)).toBeLessThanOrEqual(priceToY(s, candle.low));
    }
    // Oldest left, one bar per hour.
    expect(s.bars[1]!.x - s.bars[0]!.x).toBeCloseTo(s.spacing, 6);
  });

  it('puts the data between 20% from the top and 10% from the bottom, as the chart library does', () => {
    const top = Math.min(...candles.map((c) => priceToY(s, c.high)), s.heat!.y);
    const bottom = Math.max(...candles.map((c) => priceToY(s, c.low)), s.heat!.y + s.heat!.h);
    expect(top / s.height).toBeCloseTo(0.2, 6);
    expect(bottom / s.height).toBeCloseTo(0.9, 6);
  });

  it('stretches the heat image over its price range and puts row r on the candle opened an hour before times[r]', () => {
    const h = s.heat!;
    expect(h.y).toBeCloseTo(priceToY(s, grid.min + grid.count * grid.step), 6);
    expect(h.y + h.h).toBeCloseTo(priceToY(s, grid.min), 6);
    const firstBar = s.bars.find((b) => b.candle.time === grid.times[0]! - HOUR)!;
    const lastBar = s.bars.find((b) => b.candle.time === grid.times.at(-1)! - HOUR)!;
    expect(h.x).toBeCloseTo(firstBar.x - s.spacing / 2, 6);
    expect(h.x + h.w).toBeCloseTo(lastBar.x + s.spacing / 2, 6);
  });

  it('labels prices inside the plotted range, evenly spaced', () => {
    expect(s.ticks.length).toBeGreaterThanOrEqual(3);
    for (const v of s.ticks) {
      expect(v).toBeGreaterThanOrEqual(s.bottom);
      expect(v).toBeLessThanOrEqual(s.top);
    }
    const steps = s.ticks.slice(1).map((v, i) => v - s.ticks[i]!);
    for (const d of steps) expect(d).toBeCloseTo(steps[0]!, 6);
  });

  it('draws nothing where there is no room or no heat', () => {
    expect(heatSketch(grid, candles, SKETCH_PRICE_AXIS, 360)).toBeNull();
    expect(heatSketch({ ...grid, times: [], cells: [] }, candles, 396, 360)).toBeNull();
  });
});
