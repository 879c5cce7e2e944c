import { describe, expect, it } from 'vitest';
import { candlesIn, heatRange, shapeHeat } from '@/core/chart/chart-data';
import { heatSketch, priceToY, SKETCH_PRICE_AXIS, SKETCH_TIME_AXIS } from '@/core/chart/heat-sketch';
import { HOUR, recordedModel } from './recorded-model';

/** The side panel's 7-day answer shaped from the recorded model run. */
function recordedChart() {
  const { heatmap: model, price } = recordedModel();
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
