import type { HeatmapSnapshot } from './types';

/**
 * How far from price a snapshot's heat reaches: the overlay's strip shows ±10% at most, and the
 * margin covers price moving while a snapshot is shown. Bands and imbalance are computed on the
 * whole grid before trimming, so they are unchanged.
 */
export const SNAPSHOT_HEAT_REACH_PCT = 15;

/**
 * The heatmap cut to the grid levels within ±reachPct of its price and of the mark the overlay
 * centres its strip on (the heat is cached and refreshed on its own, so the two can differ). A
 * snapshot crosses to every open trading page and is parsed on the page's main thread: the whole
 * grid (±40%, ≈1,400 levels for BTC) is three times what the page can show.
 */
export function heatmapNear(heatmap: HeatmapSnapshot, reachPct = SNAPSHOT_HEAT_REACH_PCT, mark?: number | null): HeatmapSnapshot {
  const { min, step, count } = heatmap.grid;
  if (!(step > 0) || !(heatmap.price > 0) || !(reachPct > 0)) return heatmap;
  const centres = mark !== undefined && mark !== null && mark > 0 ? [heatmap.price, mark] : [heatmap.price];
  const lo = Math.min(...centres) * (1 - reachPct / 100);
  const hi = Math.max(...centres) * (1 + reachPct / 100);
  // Level i covers [min + i·step, min + (i+1)·step): keep every level that overlaps [lo, hi).
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
