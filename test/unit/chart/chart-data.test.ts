import { describe, expect, it } from 'vitest';
import { candlesIn, heatRange, MAX_HEAT_CELLS, MAX_MAP_BUCKETS, realizedHours, shapeHeat, shapeMap } from '@/core/chart/chart-data';
import { HISTORY_ROWS } from '@/core/service/model-bridge';
import { HOUR, recordedModel } from './recorded-model';
import { withoutChartParts } from '@/core/service/snapshot';
import type { HeatHistory } from '@/core/model/types';

describe('chart data from a real model run', () => {
  const { heatmap, price } = recordedModel();

  it('keeps one hourly heat row per bar up to 7 days, and the candles it came from', () => {
    expect(heatmap.history!.times.length).toBe(HISTORY_ROWS);
    expect(heatmap.candles!.bars.length).toBe(HISTORY_ROWS);
    expect(heatmap.candles!.source).toBe('binance:klines');
    // What goes to trading pages carries neither.
    const trimmed = withoutChartParts(heatmap);
    expect(trimmed.history).toBeUndefined();
    expect(trimmed.candles).toBeUndefined();
    expect(trimmed.longUsd).toBe(heatmap.longUsd);
  });

  for (const hours of [12, 24, 72, 168]) {
    it(`shapes ${hours} h onto one bounded grid without losing USD inside the range`, () => {
      const to = heatmap.history!.times.at(-1)!;
      const from = to - hours * HOUR;
      const candles = candlesIn(heatmap.candles!.bars, from - HOUR, to);
      const range = heatRange(candles, price);
      const grid = shapeHeat(heatmap.history!, { from, to }, range)!;
      expect(grid.count).toBeLessThanOrEqual(MAX_HEAT_CELLS);
      expect(grid.times.length).toBe(hours);
      expect(grid.cells.length).toBe(grid.times.length * grid.count);
      expect(grid.min).toBeLessThanOrEqual(range.lo);
      expect(grid.min + grid.count * grid.step).toBeGreaterThanOrEqual(range.hi);
      // Per row: the shaped USD equals the source row's USD whose cell centres fall on the grid (± rounding).
      const r = heatmap.history!.times.indexOf(grid.times.at(-1)!);
      const source = heatmap.history!.rows[r]!;
      const g = heatmap.history!.rowGrids[r]!;
      let inside = 0;
      source.forEach((usd, i) => {
        const c = g.min + (i + 0.5) * g.step;
        if (c >= grid.min && c < grid.min + grid.count * grid.step) inside += usd;
      });
      const shaped = grid.cells.slice(-grid.count).reduce((a, b) => a + b, 0);
      expect(Math.abs(shaped - inside)).toBeLessThanOrEqual(grid.count);
      expect(inside).toBeGreaterThan(0);
      expect(Math.max(...grid.cells)).toBe(grid.maxUsd);
      // Size bound: the whole answer stays well under a message's comfortable size.
      expect(JSON.stringify(grid).length).toBeLessThan(300_000);
    });
  }

  it('maps longs below and shorts above price with cumulative USD growing away from price', () => {
    const map = shapeMap(heatmap, price)!;
    expect(map.buckets.length).toBeLessThanOrEqual(MAX_MAP_BUCKETS);
    const longs = map.buckets.filter((b) => b.side === 'long');
    const shorts = map.buckets.filter((b) => b.side === 'short');
    expect(longs.every((b) => b.hi <= price + 1e-9)).toBe(true);
    expect(shorts.every((b) => b.lo >= price - 1e-9)).toBe(true);
    for (const side of [longs, shorts]) {
      let sum = 0;
      for (const b of side) {
        sum += b.usd;
        expect(Math.abs(b.cumulativeUsd - sum)).toBeLessThanOrEqual(side.length);
      }
    }
    // The long side's total equals the model's long USD on levels whose centre lies within 10% below price.
    const { min, step } = heatmap.grid;
    let expected = 0;
    heatmap.longUsd.forEach((usd, i) => {
      const c = min + (i + 0.5) * step;
      if (c < price && price - c <= price * 0.1 && Math.floor((price - c) / map.step) < longs.length) expected += usd;
    });
    expect(Math.abs(longs.at(-1)!.cumulativeUsd - expected)).toBeLessThanOrEqual(1);
    expect(expected).toBeGreaterThan(0);
  });
});

describe('chart shaping edge cases', () => {
  const history: HeatHistory = {
    times: [HOUR, 2 * HOUR],
    rowGrids: [
      { min: 90, step: 2, count: 10 },
      { min: 94, step: 2, count: 10 },
    ],
    rows: [new Float32Array(10).fill(1), new Float32Array(10).fill(2)],
  };

  it('aligns rows recorded on slid grids by price, not by index', () => {
    const grid = shapeHeat(history, { from: 0, to: 3 * HOUR }, { lo: 90, hi: 114 })!;
    expect(grid.step).toBe(2);
    const at = (row: number, price: number) => grid.cells[row * grid.count + Math.floor((price - grid.min) / grid.step)];
    expect(at(0, 91)).toBe(1);
    expect(at(0, 111)).toBe(0); // row 0 ends at 110
    expect(at(1, 91)).toBe(0); // row 1 starts at 94
    expect(at(1, 111)).toBe(2);
  });

  it('caps the cell count however wide the range', () => {
    const grid = shapeHeat(history, { from: 0, to: 3 * HOUR }, { lo: 1, hi: 1e6 }, 50)!;
    expect(grid.count).toBeLessThanOrEqual(50);
  });

  it('returns null for an empty window or a range with no price', () => {
    expect(shapeHeat(history, { from: 5 * HOUR, to: 6 * HOUR }, { lo: 90, hi: 110 })).toBeNull();
    expect(shapeHeat(history, { from: 0, to: 3 * HOUR }, { lo: 0, hi: 0 })).toBeNull();
    expect(heatRange([], 0)).toEqual({ lo: 0, hi: 0 });
    expect(shapeMap({ grid: { min: 0, step: 0, count: 0 }, longUsd: [], shortUsd: [] }, 100)).toBeNull();
  });

  it('sums realized minute buckets per hour and drops the hours before the window', () => {
    const t = Date.UTC(2026, 0, 1, 10);
    const hours = realizedHours(
      [
        { minute: t - 60_000, longUsd: 5, shortUsd: 0 },
        { minute: t + 60_000, longUsd: 1, shortUsd: 2 },
        { minute: t + 59 * 60_000, longUsd: 3, shortUsd: -1 },
        { minute: t + 60 * 60_000, longUsd: 0, shortUsd: 4 },
      ],
      t,
    );
    expect(hours).toEqual([
      { time: t, longUsd: 4, shortUsd: 2 },
      { time: t + HOUR, longUsd: 0, shortUsd: 4 },
    ]);
  });
});

describe('heat colour scale', () => {
  it('is monotone in lightness, clear at zero and inverts for the legend', async () => {
    const { heatLevel, heatRgba, usdAtLevel } = await import('@/core/chart/colour-scale');
    expect(heatRgba(heatLevel(0, 100))[3]).toBe(0);
    const lum = (l: number) => {
      const [r, g, b] = heatRgba(l);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (let l = 0.05; l < 1; l += 0.05) expect(lum(l + 0.05)).toBeGreaterThan(lum(l));
    for (const usd of [1, 25, 64, 100]) expect(usdAtLevel(heatLevel(usd, 100), 100)).toBeCloseTo(usd, 6);
    expect(heatLevel(500, 100)).toBe(1);
  });
});

describe('map view geometry', () => {
  it('zooms around the anchor, pans, and never leaves the map', async () => {
    const { bucketAt, bucketsByPrice, defaultRange, panRange, priceTicks, priceToY, yToPrice, zoomRange } = await import('@/core/chart/map-view');
    const map = shapeMap({ grid: { min: 50, step: 1, count: 100 }, longUsd: new Array(100).fill(10), shortUsd: new Array(100).fill(20) }, 100, 10, 20)!;
    const full = defaultRange(map);
    expect(full).toEqual({ lo: 90, hi: 110 });
    const zoomed = zoomRange(full, 0.5, 95, map);
    expect(zoomed.hi - zoomed.lo).toBeCloseTo(10);
    expect(zoomed.lo).toBeCloseTo(92.5); // the anchor stays where it was on screen
    expect(zoomRange(zoomed, 10, 95, map)).toEqual(full);
    expect(panRange(zoomed, 100, map)).toEqual({ lo: 100, hi: 110 });
    expect(yToPrice(priceToY(97.3, full, 8, 300), full, 8, 300)).toBeCloseTo(97.3);
    const order = bucketsByPrice(map);
    expect(map.buckets[order[0]!]!.hi).toBe(110);
    expect(map.buckets[order.at(-1)!]!.lo).toBe(90);
    expect(map.buckets[bucketAt(map, 99.5)]!.side).toBe('long');
    expect(map.buckets[bucketAt(map, 100.5)]!.side).toBe('short');
    expect(priceTicks(full, 300).every((v) => v >= 90 && v <= 110)).toBe(true);
  });
});
