import type { HeatmapSnapshot } from './types';

/**
 * How far from price a snapshot's heat reaches: the overlay's strip shows ±10% at most, and the
 * margin covers price moving while a snapshot is shown. Bands and imbalance are computed on the
 * whole grid before trimming, so they are unchanged.
 */
export const SNAPSHOT_HEAT_REACH_PCT = 15;

/**
 * The heatmap cut to the grid levels within ±reachPct of its price. A snapshot crosses to every
 * open trading page and is parsed on the page's main thread: the whole grid (±40%, ≈1,400 levels
 * for BTC) is three times what the page can show.
 */
export function heatmapNear(heatmap: HeatmapSnapshot, reachPct = SNAPSHOT_HEAT_REACH_PCT): HeatmapSnapshot {
  const { min, step, count } = heatmap.grid;
  if (!(step > 0) || !(heatmap.price > 0) || !(reachPct > 0)) return heatmap;
  const lo = heatmap.price * (1 - reachPct / 100);
  const hi = heatmap.price * (1 + reachPct / 100);
  // Level i covers [min + i·step, min + (i+1)·step): keep every level that touches [lo, hi].
  const first = Math.max(0, Math.floor((lo - min) / step));
  const end = Math.min(count, Math.ceil((hi - min) / step));
  if (first === 0 && end === count) return heatmap;
  if (end <= first) return { ...heatmap, grid: { min, step, count: 0 }, longUsd: [], shortUsd: [], cumulative: { long: [], short: [] } };
  const cut = (values: number[]) => values.slice(first, end);
  return {
    ...heatmap,
    grid: { min: min + first * step, step, count: end - first },
    longUsd: cut(heatmap.longUsd),
    shortUsd: cut(heatmap.shortUsd),
    cumulative: { long: cut(heatmap.cumulative.long), short: cut(heatmap.cumulative.short) },
  };
}
