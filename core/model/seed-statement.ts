import { CALIBRATION } from './calibration';
import { calibrationSummary, type CalibrationTable } from './calibration-measure';
import { MODEL_FORMAT_VERSION } from './format-version';
import type { Band, CalibrationNote, HeatmapSnapshot, SeedSide, SeedStatement } from './types';

/**
 * The seed report's two sentences from the model: for each side, the densest cluster within the
 * band window (the band holding the most USD) and the USD of every modelled level between the price
 * and that cluster's far edge ("≈$286M of longs below $80k").
 */
export function seedStatement(heatmap: Pick<HeatmapSnapshot, 'price' | 'bands'>): SeedStatement {
  const side = (bands: readonly Band[]): SeedSide | null => {
    const window = heatmap.bands.windowPct;
    const dense = bands
      .filter((b) => b.usd > 0 && Number.isFinite(b.far) && Number.isFinite(b.cumulativeUsd) && Math.abs(b.distancePct) <= window)
      .reduce<Band | null>((best, b) => (!best || b.usd > best.usd ? b : best), null);
    if (!dense || !(heatmap.price > 0)) return null;
    return { usd: dense.cumulativeUsd, to: dense.far, pct: ((dense.far - heatmap.price) / heatmap.price) * 100 };
  };
  return { price: heatmap.price, long: side(heatmap.bands.long), short: side(heatmap.bands.short) };
}

/** The shipped table's answer for a snapshot's model, or null when it was not measured for that model and preset. */
export function calibrationNote(
  settings: { preset: string },
  formatVersion: number | undefined,
  table: CalibrationTable = CALIBRATION,
): CalibrationNote | null {
  if (formatVersion !== table.modelFormatVersion || formatVersion !== MODEL_FORMAT_VERSION || settings.preset !== table.preset) return null;
  const summary = calibrationSummary(table);
  if (!summary) return null;
  const r = summary.reference;
  return {
    from: r.from,
    to: r.to,
    asset: table.asset,
    interval: table.interval,
    modelVenues: [...table.modelVenues],
    realizedVenues: [...table.realizedVenues],
    long: r.long.realizedOverPredicted,
    short: r.short.realizedOverPredicted,
    longRange: [summary.long.min, summary.long.max],
    shortRange: [summary.short.min, summary.short.max],
    windows: summary.windows,
  };
}
