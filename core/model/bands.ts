import type { Band } from './types';
import type { PriceGrid } from './book';

const SMOOTH_SIGMA_CELLS = 2;
const BAND_EDGE_FRACTION = 0.5;
const MIN_PEAK_FRACTION = 0.1;

/**
 * Cumulative maps: long[i] = USD of longs between price and cell i (cells whose centre is below
 * price); short[i] = USD of shorts between price and cell i (centres above price).
 */
export function cumulativeCurves(grid: PriceGrid, long: ArrayLike<number>, short: ArrayLike<number>, price: number) {
  const n = grid.count;
  const cumLong = new Float64Array(n);
  const cumShort = new Float64Array(n);
  const split = splitCell(grid, price);
  let run = 0;
  for (let i = split - 1; i >= 0; i--) cumLong[i] = run += long[i]!;
  run = 0;
  for (let i = split; i < n; i++) cumShort[i] = run += short[i]!;
  return { long: cumLong, short: cumShort };
}

/** First cell whose centre is at or above price: cells below it are "below price". */
export function splitCell(grid: PriceGrid, price: number): number {
  return Math.min(grid.count, Math.max(0, Math.ceil((price - grid.min) / grid.step - 0.5)));
}

export function cellCentre(grid: PriceGrid, i: number): number {
  return grid.min + (i + 0.5) * grid.step;
}

/**
 * The 1–`maxBands` largest clusters of one side within ±windowPct of price, largest first.
 * Density is smoothed with a Gaussian (σ = 2 cells) to find peaks; a band runs from its peak out to
 * where the smoothed density falls below half the peak (or the window ends, or another band starts).
 */
export function findBands(
  grid: PriceGrid,
  usd: ArrayLike<number>,
  cumulative: ArrayLike<number>,
  price: number,
  side: 'long' | 'short',
  windowPct: number,
  maxBands = 3,
): Band[] {
  const split = splitCell(grid, price);
  const lo = side === 'long' ? Math.max(0, splitCell(grid, price * (1 - windowPct / 100))) : split;
  const hi = side === 'long' ? split - 1 : Math.min(grid.count - 1, splitCell(grid, price * (1 + windowPct / 100)) - 1);
  if (hi < lo) return [];
  const smooth = gaussianSmooth(usd, lo, hi);
  const peaks: number[] = [];
  for (let k = 0; k < smooth.length; k++) {
    const v = smooth[k]!;
    if (v <= 0) continue;
    const left = k > 0 ? smooth[k - 1]! : -Infinity;
    const right = k < smooth.length - 1 ? smooth[k + 1]! : -Infinity;
    if (v >= left && v > right) peaks.push(k);
  }
  peaks.sort((a, b) => smooth[b]! - smooth[a]!);
  const top = peaks.length ? smooth[peaks[0]!]! : 0;
  const taken = new Uint8Array(smooth.length);
  const bands: Band[] = [];
  for (const peak of peaks) {
    if (bands.length >= maxBands || smooth[peak]! < top * MIN_PEAK_FRACTION) break;
    if (taken[peak]) continue;
    const edge = smooth[peak]! * BAND_EDGE_FRACTION;
    let a = peak;
    let b = peak;
    while (a > 0 && !taken[a - 1] && smooth[a - 1]! >= edge) a--;
    while (b < smooth.length - 1 && !taken[b + 1] && smooth[b + 1]! >= edge) b++;
    let bandUsd = 0;
    for (let k = a; k <= b; k++) {
      taken[k] = 1;
      bandUsd += usd[lo + k]!;
    }
    if (!(bandUsd > 0)) continue;
    const lowPrice = grid.min + (lo + a) * grid.step;
    const highPrice = grid.min + (lo + b + 1) * grid.step;
    const near = side === 'long' ? Math.min(highPrice, price) : Math.max(lowPrice, price);
    const far = side === 'long' ? lowPrice : highPrice;
    const farCell = side === 'long' ? lo + a : lo + b;
    bands.push({
      side,
      near,
      far,
      usd: bandUsd,
      cumulativeUsd: cumulative[farCell]!,
      distancePct: ((near - price) / price) * 100,
    });
  }
  return bands;
}

/** Smoothed density of cells lo…hi; cells outside count as empty, so edges are not inflated. */
function gaussianSmooth(values: ArrayLike<number>, lo: number, hi: number): Float64Array {
  const radius = Math.ceil(SMOOTH_SIGMA_CELLS * 3);
  const kernel = new Float64Array(2 * radius + 1);
  let weight = 0;
  for (let k = -radius; k <= radius; k++) {
    kernel[k + radius] = Math.exp(-(k * k) / (2 * SMOOTH_SIGMA_CELLS ** 2));
    weight += kernel[k + radius]!;
  }
  const out = new Float64Array(hi - lo + 1);
  for (let i = lo; i <= hi; i++) {
    let sum = 0;
    for (let k = Math.max(-radius, lo - i); k <= Math.min(radius, hi - i); k++) sum += values[i + k]! * kernel[k + radius]!;
    out[i - lo] = sum / weight;
  }
  return out;
}
