import { describe, expect, it } from 'vitest';
import { compareBandLocations, compareFigure, compareRealized, largestLevel } from '@/core/realized/compare';
import type { Band } from '@/core/model/types';

describe('cross-source comparison', () => {
  it('reports the spread and keeps every value; never an average', () => {
    const c = compareFigure('24h BTC longs', [
      { source: 'a', value: 82 },
      { source: 'b', value: 100 },
    ])!;
    expect(c.spread).toBeCloseTo(0.18, 10);
    expect(c.values).toEqual([
      { source: 'a', value: 82 },
      { source: 'b', value: 100 },
    ]);
    expect(compareFigure('x', [{ source: 'a', value: 1 }])).toBeNull();
    expect(
      compareFigure('x', [
        { source: 'a', value: 0 },
        { source: 'b', value: 0 },
      ]),
    ).toBeNull();
    expect(
      compareFigure('x', [
        { source: 'a', value: NaN },
        { source: 'b', value: 3 },
      ]),
    ).toBeNull();
  });

  it('leaves out a source whose long/short split is unknown, but still compares its total', () => {
    const cs = compareRealized('24h BTC Binance', [
      { source: 'liqlens streams', longUsd: 400, shortUsd: 100, totalUsd: 500 },
      { source: 'coinglass', longUsd: null, shortUsd: null, totalUsd: 1000 },
    ]);
    expect(cs.map((c) => c.figure)).toEqual(['24h BTC Binance total liquidated']);
    expect(cs[0]!.spread).toBe(0.5);
  });

  it('compares where the largest bands sit, by price', () => {
    const band = (side: 'long' | 'short', near: number, far: number, usd: number): Band => ({ side, near, far, usd, cumulativeUsd: usd, distancePct: 0 });
    const model = { source: 'model', bands: { long: [band('long', 95, 94, 10), band('long', 90, 89, 50)], short: [band('short', 105, 106, 30)] } };
    const vendor = {
      source: 'coinglass',
      levels: [
        { price: 88, usd: 9 },
        { price: 91, usd: 20 },
        { price: 120, usd: 999 },
        { price: 104, usd: 5 },
      ],
    };
    const cs = compareBandLocations(100, model, [vendor], 10);
    expect(cs[0]).toMatchObject({
      figure: 'largest long-liquidation band (price)',
      values: [
        { source: 'model', value: 89.5 },
        { source: 'coinglass', value: 91 },
      ],
    });
    expect(cs[0]!.spread).toBeCloseTo(1.5 / 91, 10);
    expect(cs[1]!.values[1]).toEqual({ source: 'coinglass', value: 104 });
    expect(largestLevel(vendor.levels, 100, 'short', 10)).toEqual({ price: 104, usd: 5 });
  });
});
