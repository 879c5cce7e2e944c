/**
 * Which bands the overlay names, and the sentences that name them. The background hands over
 * the densest clusters per side; the trader needs two of them per side at a glance: the nearest
 * (what hits first) and the largest (what hits hardest).
 */
import type { Band, HeatmapSnapshot } from '../model/types';
import type { Side } from '../types';
import { formatPct, formatUsdCompact, formatUsdRange, type NumberStyle } from '../format/display';
import type { Translate } from '../i18n/i18n';

export interface BandPick {
  band: Band;
  /** Nearest, largest, or both when one band is both. */
  roles: ('nearest' | 'largest')[];
}

/** Bands on one side that lie in the window, nearest first (ties by size). */
export function bandsInWindow(bands: readonly Band[], windowPct: number): Band[] {
  return bands
    .filter((b) => Number.isFinite(b.near) && Number.isFinite(b.far) && b.usd > 0 && Math.abs(b.distancePct) <= windowPct)
    .slice()
    .sort((a, b) => Math.abs(a.distancePct) - Math.abs(b.distancePct) || b.usd - a.usd);
}

/** Nearest and largest band of one side; one entry when they are the same band. */
export function pickBands(bands: readonly Band[], windowPct: number): BandPick[] {
  const inWindow = bandsInWindow(bands, windowPct);
  const nearest = inWindow[0];
  if (!nearest) return [];
  const largest = inWindow.reduce((best, b) => (b.usd > best.usd ? b : best), nearest);
  if (largest === nearest) return [{ band: nearest, roles: ['nearest', 'largest'] }];
  return [
    { band: nearest, roles: ['nearest'] },
    { band: largest, roles: ['largest'] },
  ];
}

/** "≈$286M longs $80.0k–$79.2k (−3.1%)"; compact: "longs ≈$286M at $80.0k (−3.1%)", one line at the compact width. */
export function bandSentence(t: Translate, band: Band, style: NumberStyle, compact = false): string {
  const params = {
    usd: formatUsdCompact(band.usd, style),
    near: formatUsdCompact(band.near, style),
    far: formatUsdCompact(band.far, style),
    pct: formatPct(band.distancePct, style),
  };
  if (compact) return t(band.side === 'long' ? 'bandLongCompact' : 'bandShortCompact', params);
  return t(band.side === 'long' ? 'bandLong' : 'bandShort', params);
}

export function bandRange(band: Band, style: NumberStyle): string {
  return formatUsdRange(band.near, band.far, style);
}

export interface ImbalanceView {
  longUsd: number;
  shortUsd: number;
  /** Which side carries more, and by how much (≥ 1). */
  heavier: Side | 'even';
  ratio: number;
}

/** Within 10% of each other counts as balanced: the model is not that precise. */
export function imbalanceOf(heatmap: Pick<HeatmapSnapshot, 'imbalance'>): ImbalanceView {
  const { longUsd, shortUsd } = heatmap.imbalance;
  const l = Math.max(0, longUsd);
  const s = Math.max(0, shortUsd);
  if (l === 0 && s === 0) return { longUsd: 0, shortUsd: 0, heavier: 'even', ratio: 1 };
  const ratio = l >= s ? l / Math.max(s, 1) : s / Math.max(l, 1);
  const heavier: ImbalanceView['heavier'] = ratio < 1.1 ? 'even' : l > s ? 'long' : 'short';
  return { longUsd: l, shortUsd: s, heavier, ratio };
}

export function imbalanceSentence(t: Translate, view: ImbalanceView, style: NumberStyle): string {
  const x = view.ratio >= 10 ? Math.round(view.ratio).toString() : view.ratio.toFixed(1);
  const ratio = view.heavier === 'even' ? t('imbalanceEven') : t(view.heavier === 'long' ? 'imbalanceLongHeavy' : 'imbalanceShortHeavy', { x });
  return t('imbalance', { long: formatUsdCompact(view.longUsd, style), short: formatUsdCompact(view.shortUsd, style), ratio });
}
