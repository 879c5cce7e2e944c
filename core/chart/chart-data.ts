/**
 * What the side panel draws, shaped from the model's output: the heat history re-gridded onto one
 * price grid for a lookback (size-bounded, plain arrays so it crosses a message intact) and the
 * liquidation map as price buckets with cumulative USD. Pure: no extension or page globals.
 */
import type { Market, Provenance, Side, VenueId } from '../types';
import type { HeatHistory, HeatmapSnapshot } from '../model/types';
import { niceStep } from '../model/heatmap';

export const CHART_LOOKBACK_HOURS = [12, 24, 72, 168] as const;
export type ChartLookback = (typeof CHART_LOOKBACK_HOURS)[number];

/** At most this many price cells per heat row: 168 rows × 160 cells ≈ 27k numbers, ≈ 200 KB of JSON at worst. */
export const MAX_HEAT_CELLS = 160;
/** At most this many map buckets (both sides together). */
export const MAX_MAP_BUCKETS = 80;
/** The map reaches this far from price, ± %. */
export const MAP_REACH_PCT = 10;

export interface Candle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

/** Heat on one price grid: `cells[r * count + i]` is the USD of level i at `times[r]` (the hour's close). */
export interface HeatGrid {
  times: number[];
  min: number;
  step: number;
  count: number;
  cells: number[];
  maxUsd: number;
}

export interface MapBucket {
  side: Side;
  /** Price range [lo, hi). */
  lo: number;
  hi: number;
  usd: number;
  /** USD liquidated on the way from price to this bucket's far edge. */
  cumulativeUsd: number;
}

export interface LiquidationMap {
  price: number;
  step: number;
  /** Longs below price (nearest first), then shorts above (nearest first). */
  buckets: MapBucket[];
}

/** Realized liquidations the extension collected, per hour (the minute buckets keep no price). */
export interface RealizedHour {
  time: number;
  longUsd: number;
  shortUsd: number;
}

export interface ChartData {
  market: Market;
  lookbackHours: ChartLookback;
  /** Price the map is measured from (the mark, else the model's last close). */
  price: number;
  heat: HeatGrid | null;
  candles: Candle[];
  candleSource: string | null;
  map: LiquidationMap | null;
  realized: RealizedHour[];
  /** Since when the realized feed was collected (null: never). */
  realizedSince: number | null;
  venues: VenueId[];
  venueDataTime: Partial<Record<VenueId, number>>;
  preset: string | null;
  provenance: Provenance | null;
  stale: boolean;
  /** Why there is no heat or map, in English for the log; the page shows its own sentence. */
  missing: string | null;
}

/** The price range the heat covers: the window's candles, padded, and the current price. */
export function heatRange(candles: readonly Candle[], price: number, padPct = 4): { lo: number; hi: number } {
  let lo = price > 0 ? price : Infinity;
  let hi = price > 0 ? price : -Infinity;
  for (const c of candles) {
    if (c.low > 0) lo = Math.min(lo, c.low);
    if (c.high > 0) hi = Math.max(hi, c.high);
  }
  if (!(lo > 0 && hi >= lo)) return { lo: 0, hi: 0 };
  return { lo: lo * (1 - padPct / 100), hi: hi * (1 + padPct / 100) };
}

/**
 * The history rows ending in (from, to] (a 72 h lookback is 72 hourly rows) summed onto one grid spanning [lo, hi) with at most
 * `maxCells` levels (each source cell goes whole to the level holding its centre, so no USD is
 * invented or lost inside the range). USD are rounded to whole dollars.
 */
export function shapeHeat(
  history: HeatHistory,
  window: { from: number; to: number },
  range: { lo: number; hi: number },
  maxCells = MAX_HEAT_CELLS,
): HeatGrid | null {
  if (!(range.hi > range.lo && range.lo > 0) || maxCells < 1) return null;
  const picked: number[] = [];
  for (let r = 0; r < history.times.length; r++) {
    const t = history.times[r]!;
    if (t > window.from && t <= window.to) picked.push(r);
  }
  if (picked.length === 0) return null;
  const sourceStep = Math.max(...picked.map((r) => history.rowGrids[r]!.step));
  let step = Math.max(sourceStep, niceStep((range.hi - range.lo) / maxCells));
  let min = Math.floor(range.lo / step) * step;
  let count = Math.ceil((range.hi - min) / step);
  while (count > maxCells) {
    step = niceStep(step * 1.6);
    min = Math.floor(range.lo / step) * step;
    count = Math.ceil((range.hi - min) / step);
  }
  const cells = new Array<number>(picked.length * count).fill(0);
  let maxUsd = 0;
  picked.forEach((r, k) => {
    const grid = history.rowGrids[r]!;
    const row = history.rows[r]!;
    for (let i = 0; i < row.length; i++) {
      const usd = row[i]!;
      if (!(usd > 0)) continue;
      const j = Math.floor((grid.min + (i + 0.5) * grid.step - min) / step);
      if (j >= 0 && j < count) cells[k * count + j] = cells[k * count + j]! + usd;
    }
  });
  for (let i = 0; i < cells.length; i++) {
    cells[i] = Math.round(cells[i]!);
    if (cells[i]! > maxUsd) maxUsd = cells[i]!;
  }
  return { times: picked.map((r) => history.times[r]!), min, step, count, cells, maxUsd };
}

/**
 * The liquidation map around `price`: longs below it and shorts above, in buckets of a round step
 * with at most `maxBuckets` in all, each with the USD liquidated on the way to it. A level counts
 * on the side of price its centre is on.
 */
export function shapeMap(
  heatmap: Pick<HeatmapSnapshot, 'grid' | 'longUsd' | 'shortUsd'>,
  price: number,
  reachPct = MAP_REACH_PCT,
  maxBuckets = MAX_MAP_BUCKETS,
): LiquidationMap | null {
  const { min, step: levelStep, count } = heatmap.grid;
  if (!(price > 0) || !(levelStep > 0) || count === 0) return null;
  const reach = (price * reachPct) / 100;
  const step = Math.max(levelStep, niceStep((2 * reach) / maxBuckets));
  const perSide = Math.floor(maxBuckets / 2);
  const longs = new Array<number>(perSide).fill(0);
  const shorts = new Array<number>(perSide).fill(0);
  for (let i = 0; i < count; i++) {
    const centre = min + (i + 0.5) * levelStep;
    const d = centre - price;
    if (Math.abs(d) > reach) continue;
    const k = Math.floor(Math.abs(d) / step);
    if (k >= perSide) continue;
    if (d < 0) longs[k] = longs[k]! + Math.max(0, heatmap.longUsd[i] ?? 0);
    else shorts[k] = shorts[k]! + Math.max(0, heatmap.shortUsd[i] ?? 0);
  }
  const buckets: MapBucket[] = [];
  const last = Math.min(perSide, Math.ceil(reach / step));
  let cumulative = 0;
  for (let k = 0; k < last; k++) {
    cumulative += longs[k]!;
    buckets.push({ side: 'long', lo: price - (k + 1) * step, hi: price - k * step, usd: Math.round(longs[k]!), cumulativeUsd: Math.round(cumulative) });
  }
  cumulative = 0;
  for (let k = 0; k < last; k++) {
    cumulative += shorts[k]!;
    buckets.push({ side: 'short', lo: price + k * step, hi: price + (k + 1) * step, usd: Math.round(shorts[k]!), cumulativeUsd: Math.round(cumulative) });
  }
  return { price, step, buckets };
}

/** Minute buckets (`minute` = the minute's start, epoch ms) summed per hour (`time` = the hour's start), oldest first. */
export function realizedHours(buckets: readonly { minute: number; longUsd: number; shortUsd: number }[], from: number): RealizedHour[] {
  const hours = new Map<number, RealizedHour>();
  for (const b of buckets) {
    const time = Math.floor(b.minute / 3_600_000) * 3_600_000;
    if (time + 3_600_000 <= from) continue;
    const h = hours.get(time) ?? { time, longUsd: 0, shortUsd: 0 };
    h.longUsd += b.longUsd > 0 ? b.longUsd : 0;
    h.shortUsd += b.shortUsd > 0 ? b.shortUsd : 0;
    hours.set(time, h);
  }
  return [...hours.values()].sort((a, b) => a.time - b.time);
}

/** The candles of a lookback ending at `to`. */
export function candlesIn(candles: readonly Candle[], from: number, to: number): Candle[] {
  return candles.filter((c) => c.time >= from && c.time <= to && c.low > 0 && c.high >= c.low);
}
