/**
 * Geometry of the liquidation map (pure, so the side panel's and the popup's canvas share it and it
 * is tested without a DOM): price on the vertical axis (highest on top), bars per bucket growing
 * from the left, the cumulative curves over them; zoom and pan act on the price range.
 */
import type { LiquidationMap, MapBucket } from './chart-data';
import { niceStep } from '../model/heatmap';

export interface PriceRange {
  lo: number;
  hi: number;
}

export function defaultRange(map: LiquidationMap): PriceRange {
  const b = map.buckets;
  if (b.length === 0) return { lo: map.price * 0.9, hi: map.price * 1.1 };
  return { lo: Math.min(...b.map((x) => x.lo)), hi: Math.max(...b.map((x) => x.hi)) };
}

/** Zoom by `factor` (< 1 zooms in) around `anchor`, never narrower than two buckets nor wider than the map. */
export function zoomRange(range: PriceRange, factor: number, anchor: number, map: LiquidationMap): PriceRange {
  const full = defaultRange(map);
  const span = Math.min(full.hi - full.lo, Math.max(2 * map.step, (range.hi - range.lo) * factor));
  const f = (anchor - range.lo) / (range.hi - range.lo || 1);
  return clampRange({ lo: anchor - f * span, hi: anchor - f * span + span }, full);
}

/** Pan by `delta` price units, kept inside the map. */
export function panRange(range: PriceRange, delta: number, map: LiquidationMap): PriceRange {
  return clampRange({ lo: range.lo + delta, hi: range.hi + delta }, defaultRange(map));
}

function clampRange(r: PriceRange, full: PriceRange): PriceRange {
  const span = r.hi - r.lo;
  if (r.lo < full.lo) return { lo: full.lo, hi: full.lo + span };
  if (r.hi > full.hi) return { lo: full.hi - span, hi: full.hi };
  return r;
}

export const priceToY = (price: number, range: PriceRange, top: number, height: number) => top + ((range.hi - price) / (range.hi - range.lo)) * height;
export const yToPrice = (y: number, range: PriceRange, top: number, height: number) => range.hi - ((y - top) / height) * (range.hi - range.lo);

/** The bucket holding `price`, or -1. */
export function bucketAt(map: LiquidationMap, price: number): number {
  return map.buckets.findIndex((b) => price >= b.lo && price < b.hi);
}

/** Buckets in price order, top (highest) first: what ↑ and ↓ walk through. */
export function bucketsByPrice(map: LiquidationMap): number[] {
  return map.buckets.map((_, i) => i).sort((a, b) => map.buckets[b]!.lo - map.buckets[a]!.lo);
}

/** Round price ticks inside the range, about one per `pixels` of height. */
export function priceTicks(range: PriceRange, height: number, pixels = 48): number[] {
  const n = Math.max(2, Math.floor(height / pixels));
  const step = niceStep((range.hi - range.lo) / n);
  const out: number[] = [];
  for (let v = Math.ceil(range.lo / step) * step; v <= range.hi; v += step) out.push(v);
  return out;
}

export function maxOf(buckets: readonly MapBucket[], key: 'usd' | 'cumulativeUsd'): number {
  let m = 0;
  for (const b of buckets) if (b[key] > m) m = b[key];
  return m;
}
