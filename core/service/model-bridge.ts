import type { Market, VenueId } from '../types';
import type { Kline, OpenInterestPoint } from '../net/market-data';
import type { HeatmapSnapshot, ModelSettings } from '../model/types';
import { createHeatmapModel, intervalMs } from '../model/heatmap';
import { MODEL_PRESETS, DEFAULT_PRESET, modelSettings } from '../model/presets';
import { calibrationNote, seedStatement } from '../model/seed-statement';

/** The side panel's longest lookback is 7 days of hourly rows. */
export const HISTORY_ROW_MS = 3_600_000;
export const HISTORY_ROWS = 7 * 24;

export interface VenueSeries {
  venue: VenueId;
  bars: Kline[];
  oi: OpenInterestPoint[];
  /** First-tier maintenance margin rate of this venue for the market. */
  mmr: number;
}

export interface HeatmapRequest {
  market: Market;
  /** The settings page's preset name ('default' → the model's default). */
  preset: string;
  interval: '1h';
  /** Days of bars fed in (recorded in the snapshot's settings). */
  lookbackDays: number;
  windowPct: number;
  price: number;
  now: number;
  venues: VenueSeries[];
}

/** Maps the settings' preset names onto the model engineer's MODEL_PRESETS. */
export function resolvePreset(name: string): string {
  if (name === 'default') return DEFAULT_PRESET;
  if (name === 'degen' && MODEL_PRESETS.aggressive) return 'aggressive';
  return MODEL_PRESETS[name] ? name : DEFAULT_PRESET;
}

/**
 * OI as USD at each bar's close. Venues that report coins (Bybit) are valued at the close of
 * the bar ending at the OI timestamp; points with no matching bar are dropped, not guessed.
 */
export function oiInUsd(bars: readonly Kline[], oi: readonly OpenInterestPoint[], stepMs: number): { time: number; usd: number }[] {
  const closeAt = new Map<number, number>();
  for (const b of bars) closeAt.set(b.time + stepMs, b.close);
  const out: { time: number; usd: number }[] = [];
  for (const p of oi) {
    if (p.usd !== undefined && Number.isFinite(p.usd)) out.push({ time: p.time, usd: p.usd });
    else if (p.base !== undefined) {
      const close = closeAt.get(p.time);
      if (close !== undefined) out.push({ time: p.time, usd: p.base * close });
    }
  }
  return out;
}

/**
 * The one call into the model engineer's code (core/model): everything the background needs
 * from the model goes through here, so a change in the model's API changes one function.
 */
export function buildHeatmap(req: HeatmapRequest): HeatmapSnapshot | null {
  const usable = req.venues.filter((v) => v.bars.length > 1 && v.oi.length > 1);
  if (usable.length === 0) return null;
  const settings: ModelSettings = modelSettings(resolvePreset(req.preset), { interval: req.interval, lookbackDays: req.lookbackDays });
  const step = intervalMs(req.interval);
  const model = createHeatmapModel({
    market: req.market,
    settings,
    venues: usable.map((v) => ({ venue: v.venue, mmr: v.mmr })),
    windowPct: req.windowPct,
    // One heat row per hour for the side panel's heatmap, as far back as its longest lookback.
    historyRowMs: HISTORY_ROW_MS,
    historyRows: HISTORY_ROWS,
  });
  for (const v of usable) model.update(v.venue, v.bars, oiInUsd(v.bars, v.oi, step), 'close');
  const snapshot = model.snapshot({ now: req.now, price: req.price });
  // Worked out here, once per build, so the pages receive sentences' figures rather than model code.
  const calibration = calibrationNote(snapshot.settings, snapshot.formatVersion);
  const first = usable[0]!;
  const bars = first.bars.slice(-HISTORY_ROWS).map(({ time, open, high, low, close }) => ({ time, open, high, low, close }));
  return { ...snapshot, seed: seedStatement(snapshot), ...(calibration ? { calibration } : {}), candles: { source: `${first.venue}:klines`, bars } };
}
