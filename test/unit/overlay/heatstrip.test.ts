import { describe, expect, it } from 'vitest';
import { axisTicks, bandSpans, priceToX, stripGeometry } from '@/core/overlay/heatstrip';
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

describe('heat strip axis', () => {
  it('labels round levels, far enough apart to read: ±10% of $84,028 on 280 px is $80k, $85k, $90k', () => {
    const lo = 84_028.1 * 0.9;
    const hi = 84_028.1 * 1.1;
    const ticks = axisTicks(lo, hi, 280);
    expect(ticks.map((t) => t.price)).toEqual([80_000, 85_000, 90_000]);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.x - ticks[i - 1]!.x).toBeGreaterThanOrEqual(56);
    for (const t of ticks) expect(t.x).toBeCloseTo(((t.price - lo) / (hi - lo)) * 280, 9);
  });
  it('uses 1, 2, 2.5 or 5 × 10^k steps, without float drift on small prices', () => {
    expect(axisTicks(0.9, 1.1, 280).map((t) => t.price)).toEqual([0.9, 0.95, 1, 1.05, 1.1]);
    expect(axisTicks(2_700, 3_300, 280).map((t) => t.price)).toEqual([2_800, 3_000, 3_200]);
  });
  it("leaves room for the mark's own label", () => {
    const ticks = axisTicks(75_625, 92_431, 280, { avoidX: 140, clearPx: 40 });
    // $85k sits 16 px right of the mark at 140 px: its label would cover the mark's.
    expect(ticks.map((t) => t.price)).toEqual([80_000, 90_000]);
  });
  it('refuses an empty or broken range', () => {
    expect(axisTicks(10, 10, 280)).toEqual([]);
    expect(axisTicks(Number.NaN, 10, 280)).toEqual([]);
  });
  it('places band edges on the strip, clipped, and drops bands off it', () => {
    const spans = bandSpans(
      [
        { side: 'long', near: 80_000, far: 79_200 },
        { side: 'short', near: 95_000, far: 99_000 },
        { side: 'short', near: 91_000, far: 94_000 },
      ],
      76_000,
      92_000,
      160,
    );
    expect(spans).toEqual([
      { side: 'long', x0: 32, x1: 40 },
      { side: 'short', x0: 150, x1: 160 },
    ]);
  });
});
