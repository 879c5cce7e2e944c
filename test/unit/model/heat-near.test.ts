import { describe, expect, it } from 'vitest';
import { heatmapNear } from '@/core/model/heat-near';
import { stripGeometry } from '@/core/overlay/heatstrip';
import type { HeatmapSnapshot } from '@/core/model/types';

/** A 100-level grid from 50 to 150 around price 100, each level's heat equal to its index. */
function heatmap(price = 100): HeatmapSnapshot {
  const count = 100;
  const levels = Array.from({ length: count }, (_, i) => i);
  return {
    market: { venue: 'binance', symbol: 'BTC/USDT:USDT' },
    price,
    grid: { min: 50, step: 1, count },
    longUsd: levels.map((i) => i * 10),
    shortUsd: levels.map((i) => i * 20),
    cumulative: { long: levels.map((i) => i * 30), short: levels.map((i) => i * 40) },
    bands: { long: [], short: [], windowPct: 10 },
    imbalance: { longUsd: 1, shortUsd: 2 },
    venues: ['binance'],
    venueDataTime: {},
    settings: {} as HeatmapSnapshot['settings'],
    provenance: {} as HeatmapSnapshot['provenance'],
  };
}

describe('heatmapNear: the heat a page can show', () => {
  it('keeps exactly the levels touching ±reach of price, each at its own price', () => {
    const near = heatmapNear(heatmap(), 15);
    // [85, 115) overlaps levels 35 ([85, 86)) to 64 ([114, 115)).
    expect(near.grid).toEqual({ min: 85, step: 1, count: 30 });
    expect(near.longUsd[0]).toBe(350);
    expect(near.shortUsd.at(-1)).toBe(64 * 20);
    expect(near.cumulative.long).toHaveLength(30);
    expect(near.cumulative.short[0]).toBe(35 * 40);
    // Bands and imbalance were computed on the whole grid: untouched.
    expect(near.imbalance).toEqual({ longUsd: 1, shortUsd: 2 });
  });

  it('draws the same ±10% heat strip as the whole grid', () => {
    const whole = heatmap(103.4);
    const strip = (h: HeatmapSnapshot) => stripGeometry(h, 103.4, 300, { windowPct: 10 });
    expect(strip(heatmapNear(whole, 15))).toEqual(strip(whole));
  });

  it('reaches around the mark too when the cached heat was built at another price', () => {
    // Heat built at 100, mark now 107: the ±10% strip around 107 needs up to 117.7.
    const whole = heatmap(100);
    const strip = (h: HeatmapSnapshot) => stripGeometry(h, 107, 300, { windowPct: 10 });
    const near = heatmapNear(whole, 15, 107);
    expect(strip(near)).toEqual(strip(whole));
    expect(near.grid.min).toBe(85);
    expect(near.grid.min + near.grid.count * near.grid.step).toBeGreaterThanOrEqual(107 * 1.15);
    // Without the mark the strip would lose its top levels.
    expect(strip(heatmapNear(whole, 15))).not.toEqual(strip(whole));
  });

  it('returns the heatmap itself when it already fits, and an empty grid when price is off the grid', () => {
    const small = heatmap();
    expect(heatmapNear(small, 60)).toBe(small);
    const off = heatmapNear({ ...heatmap(), price: 1000 }, 15);
    expect(off.grid.count).toBe(0);
    expect(off.longUsd).toEqual([]);
  });
});
