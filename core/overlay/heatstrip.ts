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

export interface AxisTick {
  price: number;
  x: number;
}

/**
 * Round price levels for the strip's axis: the step is 1, 2, 2.5 or 5 × 10^k, the smallest that
 * keeps labels at least `minGapPx` apart, so a 280 px strip over ±10% of $84k gets $80k, $85k
 * and $90k. Ticks within `clearPx` of `avoidX` (the mark's own label) are left out.
 */
export function axisTicks(lo: number, hi: number, width: number, options: { minGapPx?: number; avoidX?: number; clearPx?: number } = {}): AxisTick[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi) || width <= 0) return [];
  const minGap = options.minGapPx ?? 56;
  const rough = ((hi - lo) * minGap) / width;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: AxisTick[] = [];
  for (let i = Math.ceil(lo / step); i * step <= hi; i++) {
    // Multiplying the index (not adding steps) keeps 0.1-style steps free of float drift.
    const price = Number((i * step).toPrecision(12));
    const x = ((price - lo) / (hi - lo)) * width;
    if (options.avoidX !== undefined && Math.abs(x - options.avoidX) < (options.clearPx ?? 0)) continue;
    ticks.push({ price, x });
  }
  return ticks;
}

export interface BandSpan {
  side: 'long' | 'short';
  x0: number;
  x1: number;
}

/** Where each band's edges fall on the strip, clipped to it; bands wholly outside are left out. */
export function bandSpans(bands: readonly { side: 'long' | 'short'; near: number; far: number }[], lo: number, hi: number, width: number): BandSpan[] {
  const out: BandSpan[] = [];
  for (const b of bands) {
    const a = Math.min(b.near, b.far);
    const z = Math.max(b.near, b.far);
    if (!Number.isFinite(a) || !Number.isFinite(z) || z < lo || a > hi) continue;
    out.push({ side: b.side, x0: priceToX(a, lo, hi, width).x, x1: priceToX(z, lo, hi, width).x });
  }
  return out;
}
