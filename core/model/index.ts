/**
 * Public API of the key-less liquidation heatmap model (import from '@/core/model').
 *
 *   const model = createHeatmapModel({ market, settings: modelSettings(), venues: [{ venue, mmr }] });
 *   model.update(venue, klines, openInterest)   closed bars + OI points (time = bar close), any batch size
 *   model.push(venue, bar, oiUsd)               one closed bar; returns the USD it liquidated
 *   model.snapshot({ now })                     HeatmapSnapshot: levels, cumulative map, bands, history
 *
 * `mmr` is the venue's first maintenance tier for the market (tiers[0].mmr).
 */
export { createHeatmapModel, HeatmapModel, intervalMs, makeGrid, niceStep } from './heatmap';
export type { HeatmapOptions, OiPoint, OpenInterestInput, VenueInput } from './heatmap';
export type { Bar, BarOutcome, PriceGrid } from './book';
export { cumulativeCurves, findBands } from './bands';
export { DEFAULT_PRESET, MODEL_PRESETS, modelSettings, validateSettings } from './presets';
export { runBacktest, backtestSeries, BacktestInputError } from './backtest';
export type { BacktestInput, BacktestResult, SideScore } from './backtest';
export { parseKlinesCsv, parseOiCsv, parseLiquidationsCsv, CsvFormatError } from './csv';
export { spearman, averageRanks } from './spearman';
export type { Band, HeatHistory, HeatmapSnapshot, LeverageWeight, ModelSettings } from './types';
