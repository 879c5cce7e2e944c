/**
 * The heatmap's colour scale: USD → level 0…1 on a linear scale (the dense bands stand out, as
 * traders know them from other heatmaps) → a viridis ramp, dark purple to yellow, which stays
 * ordered in lightness for colour-blind readers and in grey print. Pure: used by the chart and its legend.
 */

/** Ramp stops (viridis at 0, .25, .5, .75, 1). */
export const HEAT_STOPS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/** Below this level a cell is left clear, so the background (and the price line) reads through. */
export const CLEAR_BELOW = 0.02;

export function heatLevel(usd: number, maxUsd: number): number {
  if (!(usd > 0) || !(maxUsd > 0)) return 0;
  return Math.min(1, usd / maxUsd);
}

/** The USD at a level: the inverse of heatLevel, for the legend's ticks. */
export function usdAtLevel(level: number, maxUsd: number): number {
  return maxUsd * level;
}

/** RGBA of a level; alpha grows with the level so sparse heat stays quiet. */
export function heatRgba(level: number): [number, number, number, number] {
  const out = new Uint8ClampedArray(4);
  heatRgbaInto(level, out, 0);
  return [out[0]!, out[1]!, out[2]!, out[3]!];
}

/** heatRgba written straight into pixel data at `at` (no array per cell: the heat image has tens of thousands). */
export function heatRgbaInto(level: number, out: Uint8ClampedArray, at: number): void {
  if (!(level >= CLEAR_BELOW)) {
    out[at] = out[at + 1] = out[at + 2] = out[at + 3] = 0;
    return;
  }
  const x = Math.min(1, level) * (HEAT_STOPS.length - 1);
  const i = Math.min(HEAT_STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = HEAT_STOPS[i]!;
  const b = HEAT_STOPS[i + 1]!;
  out[at] = Math.round(a[0] + (b[0] - a[0]) * f);
  out[at + 1] = Math.round(a[1] + (b[1] - a[1]) * f);
  out[at + 2] = Math.round(a[2] + (b[2] - a[2]) * f);
  out[at + 3] = Math.round(255 * Math.min(1, 0.45 + 0.55 * level));
}

/** The legend's CSS gradient, left (0) to right (max). */
export function legendGradient(): string {
  return `linear-gradient(to right, ${HEAT_STOPS.map(([r, g, b], i) => `rgb(${r} ${g} ${b}) ${(i / (HEAT_STOPS.length - 1)) * 100}%`).join(', ')})`;
}
