/**
 * Geometry of the heat strip: ±windowPct around the current price mapped onto a fixed pixel
 * width. Pure, so the canvas code only paints what this returns and the maths is tested.
 */
import type { HeatmapSnapshot } from '../model/types';

export interface StripColumn {
  x: number;
  width: number;
  /** 0…1, square-root scaled so a band ten times smaller is still visible. */
  long: number;
  short: number;
}

export interface StripMarker {
  x: number;
  /** The price lies outside the strip; x is pinned to the nearer edge. */
  clipped: boolean;
}

export interface StripGeometry {
  lo: number;
  hi: number;
  columns: StripColumn[];
  price: StripMarker;
  liquidations: StripMarker[];
}

export function priceToX(price: number, lo: number, hi: number, width: number): StripMarker {
  if (!(hi > lo) || !Number.isFinite(price)) return { x: 0, clipped: true };
  const x = ((price - lo) / (hi - lo)) * width;
  if (x < 0) return { x: 0, clipped: true };
  if (x > width) return { x: width, clipped: true };
  return { x, clipped: false };
}

/**
 * Buckets the heatmap's price levels into columns of `columnPx` pixels. Each level adds its USD
 * to the column holding its centre; levels outside the window are dropped.
 */
export function stripGeometry(
  heatmap: Pick<HeatmapSnapshot, 'grid' | 'longUsd' | 'shortUsd'>,
  price: number,
  width: number,
  options: { windowPct?: number; columnPx?: number; liquidations?: readonly number[] } = {},
): StripGeometry {
  const windowPct = options.windowPct ?? 10;
  const columnPx = Math.max(1, options.columnPx ?? 2);
  const lo = price * (1 - windowPct / 100);
  const hi = price * (1 + windowPct / 100);
  const count = Math.max(1, Math.floor(width / columnPx));
  const longs = new Float64Array(count);
  const shorts = new Float64Array(count);
  const { min, step, count: levels } = heatmap.grid;
  if (price > 0 && step > 0 && Number.isFinite(min)) {
    const n = Math.min(levels, heatmap.longUsd.length, heatmap.shortUsd.length);
    for (let i = 0; i < n; i++) {
      const centre = min + (i + 0.5) * step;
      if (centre < lo || centre >= hi) continue;
      const col = Math.min(count - 1, Math.floor(((centre - lo) / (hi - lo)) * count));
      const l = heatmap.longUsd[i] ?? 0;
      const s = heatmap.shortUsd[i] ?? 0;
      if (l > 0) longs[col]! += l;
      if (s > 0) shorts[col]! += s;
    }
  }
  let max = 0;
  for (let c = 0; c < count; c++) max = Math.max(max, longs[c]!, shorts[c]!);
  const columns: StripColumn[] = [];
  const colWidth = width / count;
  for (let c = 0; c < count; c++) {
    columns.push({
      x: c * colWidth,
      width: colWidth,
      long: max > 0 ? Math.sqrt(longs[c]! / max) : 0,
      short: max > 0 ? Math.sqrt(shorts[c]! / max) : 0,
    });
  }
  return {
    lo,
    hi,
    columns,
    price: priceToX(price, lo, hi, width),
    liquidations: (options.liquidations ?? []).filter((p) => Number.isFinite(p) && p > 0).map((p) => priceToX(p, lo, hi, width)),
  };
}
