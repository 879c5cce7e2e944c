/**
 * Geometry of the side panel's first heatmap frame: the heat cells, the hourly candles and a price
 * scale drawn on a plain canvas (components/sidepanel/HeatSketch.tsx) from the same `chart.get`
 * answer, while the chart library (lightweight-charts, most of the page's script) loads; the
 * library's chart then replaces it with its axes, crosshair, zoom and marks. Laid out as the
 * library lays out that chart (price scale on the right, time scale below, the data between 20%
 * from the top and 10% from the bottom, bars fitted to the width) so the swap barely moves.
 * Pure (no DOM), so it is tested without a browser.
 */
import type { Candle, HeatGrid } from './chart-data';
import { priceTicks } from './map-view';

const HOUR = 3_600_000;

/** The price scale's width and the time scale's height, in CSS pixels (the library's at font size 11). */
export const SKETCH_PRICE_AXIS = 70;
export const SKETCH_TIME_AXIS = 30;

export interface HeatSketch {
  /** The plot area (left of the price scale, above the time scale). */
  width: number;
  height: number;
  /** Price at the top and bottom edges of the plot. */
  top: number;
  bottom: number;
  /** Horizontal distance between candles, and the candles' centres (left to right, oldest first). */
  spacing: number;
  bars: { x: number; candle: Candle }[];
  /** Where the heat image (one pixel per cell, highest price on top) is stretched to; null without heat rows. */
  heat: { x: number; y: number; w: number; h: number } | null;
  /** Prices labelled on the price scale. */
  ticks: number[];
}

export const priceToY = (s: Pick<HeatSketch, 'top' | 'bottom' | 'height'>, price: number) => ((s.top - price) / (s.top - s.bottom)) * s.height;

export function heatSketch(grid: HeatGrid, candles: readonly Candle[], width: number, height: number): HeatSketch | null {
  const w = width - SKETCH_PRICE_AXIS;
  const h = height - SKETCH_TIME_AXIS;
  if (!(w > 0 && h > 0) || grid.count === 0 || grid.times.length === 0) return null;
  let lo = grid.min;
  let hi = grid.min + grid.count * grid.step;
  for (const c of candles) {
    if (c.low > 0) lo = Math.min(lo, c.low);
    if (c.high > 0) hi = Math.max(hi, c.high);
  }
  if (!(hi > lo)) return null;
  // The data spans 70% of the height: 20% margin above, 10% below (the library's default scale margins).
  const span = (hi - lo) / 0.7;
  const top = hi + span * 0.2;
  const bottom = top - span;
  // Candles are one per hour; the heat row for the hour ending at t sits on the candle opened at t − 1 h.
  const first = candles[0]?.time ?? grid.times[0]! - HOUR;
  const last = Math.max(candles.at(-1)?.time ?? first, grid.times.at(-1)! - HOUR);
  const slots = Math.round((last - first) / HOUR) + 1;
  const spacing = w / slots;
  const xAt = (time: number) => ((time - first) / HOUR + 0.5) * spacing;
  const s = { width: w, height: h, top, bottom };
  const heatTop = priceToY(s, grid.min + grid.count * grid.step);
  const heatBottom = priceToY(s, grid.min);
  const x0 = xAt(grid.times[0]! - HOUR) - spacing / 2;
  const x1 = xAt(grid.times.at(-1)! - HOUR) + spacing / 2;
  return {
    ...s,
    spacing,
    bars: candles.map((candle) => ({ x: xAt(candle.time), candle })),
    heat: { x: x0, y: heatTop, w: x1 - x0, h: heatBottom - heatTop },
    ticks: priceTicks({ lo: bottom, hi: top }, h),
  };
}
