import { describe, expect, it } from 'vitest';
import { cumulativeCurves, findBands } from '@/core/model/bands';

// $1 cells from 0 to 200, price 100: cells 0…99 are below price, 100…199 above.
const grid = { min: 0, step: 1, count: 200 };
const price = 100;

function levels(entries: [number, number][]): Float64Array {
  const a = new Float64Array(200);
  for (const [cell, usd] of entries) a[cell] = usd;
  return a;
}

describe('cumulative curves', () => {
  it('adds longs from price downwards and shorts from price upwards', () => {
    const long = levels([
      [99, 5],
      [95, 10],
      [120, 999],
    ]);
    const short = levels([
      [101, 7],
      [110, 3],
      [50, 999],
    ]);
    const c = cumulativeCurves(grid, long, short, price);
    expect(c.long[99]).toBe(5);
    expect(c.long[95]).toBe(15);
    expect(c.long[0]).toBe(15);
    expect(c.long[120]).toBe(0); // longs above price are not "on the way down"
    expect(c.short[101]).toBe(7);
    expect(c.short[150]).toBe(10);
    expect(c.short[50]).toBe(0);
  });
});

describe('findBands', () => {
  const long = levels([
    [97, 50],
    [96, 50],
    [95, 50], // $150 at −3…−5%
    [82, 100],
    [81, 100],
    [80, 100], // $300 at −18…−20%
    [60, 5000], // beyond a 25% window
  ]);
  const short = levels([
    [104, 40],
    [105, 80],
    [106, 40],
    [130, 10_000],
  ]);
  const cum = cumulativeCurves(grid, long, short, price);

  it('returns the largest clusters first, with band USD, cumulative USD and a negative distance for longs', () => {
    const bands = findBands(grid, long, cum.long, price, 'long', 25);
    expect(bands).toHaveLength(2);
    const [big, small] = bands as [(typeof bands)[0], (typeof bands)[0]];
    expect(big.usd).toBe(300);
    expect(big.far).toBeLessThanOrEqual(80);
    expect(big.near).toBeGreaterThanOrEqual(83);
    expect(big.near).toBeLessThan(95); // does not swallow the nearer cluster
    // everything between price and the far edge: both clusters
    expect(big.cumulativeUsd).toBe(450);
    expect(big.distancePct).toBeCloseTo(big.near - 100, 9);
    expect(big.distancePct).toBeLessThan(-10);
    expect(small.usd).toBe(150);
    expect(small.cumulativeUsd).toBe(150);
    expect(small.distancePct).toBeLessThan(0);
    expect(small.distancePct).toBeGreaterThan(-5);
    expect(bands.every((b) => b.side === 'long' && b.far < b.near)).toBe(true);
  });

  it('keeps to the window: a larger cluster outside ±10% is not a band', () => {
    const bands = findBands(grid, long, cum.long, price, 'long', 10);
    expect(bands.map((b) => b.usd)).toEqual([150]);
    const shorts = findBands(grid, short, cum.short, price, 'short', 10);
    expect(shorts).toHaveLength(1);
    expect(shorts[0]!.usd).toBe(160);
    expect(shorts[0]!.distancePct).toBeGreaterThan(0);
    expect(shorts[0]!.far).toBeGreaterThan(shorts[0]!.near);
    expect(shorts[0]!.cumulativeUsd).toBe(160);
  });

  it('returns at most three bands and none for an empty side', () => {
    // clusters closer than a few cells merge (σ = 2 cells), so these sit 10 cells apart
    const many = levels([
      [95, 10],
      [85, 20],
      [75, 30],
      [65, 40],
      [55, 50],
    ]);
    const c = cumulativeCurves(grid, many, new Float64Array(200), price);
    const bands = findBands(grid, many, c.long, price, 'long', 50);
    expect(bands.map((b) => b.usd)).toEqual([50, 40, 30]);
    expect(findBands(grid, new Float64Array(200), c.short, price, 'short', 10)).toEqual([]);
  });
});
