import type { Band } from '../model/types';
import type { SourceComparison } from './types';

export interface FigureValue {
  source: string;
  value: number;
}

/** (max − min) / max over two or more sources; null with fewer than two or all zero. */
export function compareFigure(figure: string, values: readonly FigureValue[]): SourceComparison | null {
  const usable = values.filter((v) => Number.isFinite(v.value) && v.value >= 0);
  if (usable.length < 2) return null;
  const max = Math.max(...usable.map((v) => v.value));
  const min = Math.min(...usable.map((v) => v.value));
  if (max === 0) return null;
  return { figure, values: usable.map((v) => ({ source: v.source, value: v.value })), spread: (max - min) / max };
}

export interface RealizedFigures {
  source: string;
  longUsd: number | null;
  shortUsd: number | null;
  totalUsd: number;
}

/**
 * Realized totals from several sources over the same window and coverage (same coin, same
 * exchanges): one comparison per figure, values side by side, never averaged.
 */
export function compareRealized(label: string, sources: readonly RealizedFigures[]): SourceComparison[] {
  const out: SourceComparison[] = [];
  const pick = (key: 'longUsd' | 'shortUsd' | 'totalUsd') => sources.flatMap((s) => (s[key] === null ? [] : [{ source: s.source, value: s[key] as number }]));
  for (const [key, name] of [
    ['longUsd', 'longs liquidated'],
    ['shortUsd', 'shorts liquidated'],
    ['totalUsd', 'total liquidated'],
  ] as const) {
    const c = compareFigure(`${label} ${name}`, pick(key));
    if (c) out.push(c);
  }
  return out;
}

export interface Level {
  price: number;
  usd: number;
}

/** The price of the largest level on one side of `price` within ±windowPct. */
export function largestLevel(levels: readonly Level[], price: number, side: 'long' | 'short', windowPct: number): Level | null {
  const lo = price * (1 - windowPct / 100);
  const hi = price * (1 + windowPct / 100);
  let best: Level | null = null;
  for (const l of levels) {
    const inSide = side === 'long' ? l.price < price && l.price >= lo : l.price > price && l.price <= hi;
    if (inSide && l.usd > 0 && (!best || l.usd > best.usd)) best = l;
  }
  return best;
}

/**
 * Where the largest band sits, per source. Intensity units differ between sources (USD
 * estimates vs vendor "levels"), so only the locations are compared: the spread is the gap
 * between the prices as a fraction of the higher one.
 */
export function compareBandLocations(
  price: number,
  model: { source: string; bands: { long: Band[]; short: Band[] } } | null,
  vendors: readonly { source: string; levels: readonly Level[] }[],
  windowPct: number,
): SourceComparison[] {
  const out: SourceComparison[] = [];
  for (const side of ['long', 'short'] as const) {
    const values: FigureValue[] = [];
    const top = model ? [...model.bands[side]].sort((a, b) => b.usd - a.usd)[0] : undefined;
    if (model && top) values.push({ source: model.source, value: (top.near + top.far) / 2 });
    for (const v of vendors) {
      const l = largestLevel(v.levels, price, side, windowPct);
      if (l) values.push({ source: v.source, value: l.price });
    }
    const c = compareFigure(side === 'long' ? 'largest long-liquidation band (price)' : 'largest short-liquidation band (price)', values);
    if (c) out.push(c);
  }
  return out;
}
