import { describe, expect, it } from 'vitest';
import { priceToX, stripGeometry } from '@/core/overlay/heatstrip';
import { heatmap, PRICE } from './fixtures';

describe('heat strip geometry', () => {
  it('maps ±10% of price onto the width with the price in the middle', () => {
    const g = stripGeometry(heatmap(), PRICE, 280, { columnPx: 2 });
    expect(g.lo).toBeCloseTo(PRICE * 0.9);
    expect(g.hi).toBeCloseTo(PRICE * 1.1);
    expect(g.columns).toHaveLength(140);
    expect(g.price.x).toBeCloseTo(140, 9);
    expect(g.price.clipped).toBe(false);
  });
  it('marks liquidation prices, pinned to the edge when off the strip', () => {
    const g = stripGeometry(heatmap(), PRICE, 280, { liquidations: [PRICE * 0.95, PRICE * 1.2, Number.NaN, -1] });
    expect(g.liquidations).toHaveLength(2);
    expect(g.liquidations[0]!.x).toBeCloseTo(70);
    expect(g.liquidations[0]!.clipped).toBe(false);
    expect(g.liquidations[1]).toEqual({ x: 280, clipped: true });
    expect(priceToX(1, 10, 20, 100)).toEqual({ x: 0, clipped: true });
  });
  it('puts each band in the columns covering its prices, strongest at 1', () => {
    const g = stripGeometry(heatmap(), PRICE, 280, { columnPx: 2 });
    const colOf = (p: number) => Math.floor(((p - g.lo) / (g.hi - g.lo)) * g.columns.length);
    const shortCols = g.columns.filter((c) => c.short > 0).map((c) => Math.round(c.x / 2));
    expect(Math.min(...shortCols)).toBe(colOf(85_050));
    expect(Math.max(...shortCols)).toBe(colOf(85_850));
    // Densest column carries intensity 1; the long band (less USD per column) is dimmer but visible.
    expect(Math.max(...g.columns.map((c) => Math.max(c.long, c.short)))).toBe(1);
    const longPeak = Math.max(...g.columns.map((c) => c.long));
    expect(longPeak).toBeGreaterThan(0.3);
    expect(longPeak).toBeLessThan(1);
  });
  it('drops levels outside the window and survives an empty or broken heatmap', () => {
    const hm = heatmap();
    const g = stripGeometry(hm, PRICE, 100, { windowPct: 1 });
    expect(g.columns.every((c) => c.long === 0 && c.short === 0)).toBe(true);
    const broken = stripGeometry({ grid: { min: Number.NaN, step: 0, count: 5 }, longUsd: [], shortUsd: [] }, PRICE, 100);
    expect(broken.columns.every((c) => c.long === 0 && c.short === 0)).toBe(true);
  });
});
