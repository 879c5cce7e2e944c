import type { Market, Provenance, Side, VenueId } from '../types';

/** A leverage bucket of the key-less model: `weight` of new open interest opened at `leverage`. */
export interface LeverageWeight {
  leverage: number;
  weight: number;
}

export interface ModelSettings {
  preset: string;
  leverageWeights: LeverageWeight[];
  /** How many days of bars the background feeds the model when it (re)builds it. */
  lookbackDays: number;
  /** Null: levels never fade; else the half-life in hours. */
  decayHalfLifeHours: number | null;
  /** Entry price assumed for positions opened in a bar. */
  entry: 'ohlc4' | 'hlc3' | 'close' | 'vwap';
  /**
   * Entries spread uniformly from entry − f·(entry − low) to entry + f·(high − entry): the bar's
   * trades happened anywhere in its range. 0: every position enters exactly at `entry`; 1: low…high.
   */
  entrySpread: number;
  /**
   * Each leverage bucket covers leverages L·(1 − s) … L·(1 + s) instead of exactly L (traders do not
   * all pick round leverages, and margin added or fees paid move the real level): 0 = exact L.
   */
  leverageSpread: number;
  /**
   * Share of a level liquidated when price trades through it; the rest (positions with added margin,
   * cross-margin accounts) stays. 1: the level is gone.
   */
  consumeFraction: number;
  /** How new open interest is split into longs and shorts. */
  sideSplit: 'taker' | 'candle';
  /**
   * Open-interest decreases: 'pro-rata' scales every level down; 'nearest' closes the levels
   * nearest to price first (the high-leverage, short-lived ones).
   */
  oiDecrease: 'pro-rata' | 'nearest';
  /**
   * Liquidations themselves lower open interest: when true, the USD the bar consumed is netted
   * against the bar's OI decrease so the same positions are not removed twice.
   */
  netConsumedFromOiDecrease: boolean;
  /**
   * Turnover (churn): each bar, a share `turnover` × volume (USD) ÷ open interest (USD), capped at
   * 1, of open interest closes pro rata and reopens over the bar (entry spread, leverage weights and
   * side split as for new positions), on top of the net OI change. 0: only net OI changes move the book.
   */
  turnover: number;
  /** Whose share turns over: all open interest (the book fills up towards it) or only the modelled book. */
  turnoverOf: 'oi' | 'book';
  /** Which OI change opens positions: the change in USD value, or in coins (price moves removed). */
  oiUnits: 'usd' | 'base';
  /** Bar interval of the inputs, e.g. "5m", "1h". */
  interval: string;
}

/** A price range where modelled liquidations cluster. */
export interface Band {
  /** long: longs liquidated below price. short: shorts liquidated above. */
  side: Side;
  /** Range edges; `near` is the edge closest to the current price. */
  near: number;
  far: number;
  /** USD in the band itself. */
  usd: number;
  /** USD liquidated on the way from the current price to the far edge. */
  cumulativeUsd: number;
  /** Signed % from the current price to the near edge (negative below price). */
  distancePct: number;
}

/**
 * Heat over time, for the overlay strip and the popup: row r is the modelled USD (longs + shorts)
 * at time `times[r]` on a coarser copy of the price grid (`rowGrids[r]`, since the grid may slide).
 * Rows are Float32, oldest first.
 */
export interface HeatHistory {
  times: number[];
  rowGrids: { min: number; step: number; count: number }[];
  rows: Float32Array[];
}

export interface HeatmapSnapshot {
  market: Market;
  /** Price the bands are measured from. */
  price: number;
  /** Price grid: level i covers [min + i·step, min + (i+1)·step). */
  grid: { min: number; step: number; count: number };
  longUsd: number[];
  shortUsd: number[];
  /**
   * Cumulative map: `long[i]` = USD of longs liquidated if price falls from `price` to level i
   * (0 above price); `short[i]` = USD of shorts liquidated if price rises to level i (0 below).
   */
  cumulative: { long: number[]; short: number[] };
  bands: { long: Band[]; short: Band[]; windowPct: number };
  /** Long USD below / short USD above within the window. */
  imbalance: { longUsd: number; shortUsd: number };
  venues: VenueId[];
  /** Newest bar close per venue, so a lagging or missing venue is visible. */
  venueDataTime: Partial<Record<VenueId, number>>;
  /** Latest open interest (USD) each venue fed the model, and when (its bar's close): each venue's share of the modelled OI. */
  venueOi?: Partial<Record<VenueId, { usd: number; time: number }>>;
  /** MODEL_FORMAT_VERSION of the model that made it; absent on snapshots made before versions existed. */
  formatVersion?: number;
  /** The seed's two sentences, computed from the bands (core/model/seed-statement.ts). */
  seed?: SeedStatement;
  /** How this model's dollars compared with realized liquidations in the shipped backtests; absent for a preset never measured. */
  calibration?: CalibrationNote;
  history?: HeatHistory;
  /**
   * The hourly candles the history was built from (one venue's, named in `source`), newest last:
   * the side panel draws the price line over the heat with them. Absent in overlay snapshots.
   */
  candles?: { source: string; bars: { time: number; open: number; high: number; low: number; close: number }[] };
  settings: ModelSettings;
  provenance: Provenance;
}

/** "≈$X of longs would be liquidated between the price and $A (−a%)": one side of the seed's statement. */
export interface SeedSide {
  /** USD of this side's modelled levels between the price and `to`. */
  usd: number;
  /** The far edge of the side's densest cluster within the band window. */
  to: number;
  /** Signed % from the price to `to`. */
  pct: number;
}

export interface SeedStatement {
  price: number;
  long: SeedSide | null;
  short: SeedSide | null;
}

/** The shipped backtest's answer for this model: realized ÷ predicted USD per side, on the reference window and over all windows. */
export interface CalibrationNote {
  from: string;
  to: string;
  asset: string;
  interval: string;
  modelVenues: VenueId[];
  realizedVenues: VenueId[];
  long: number;
  short: number;
  longRange: [number, number];
  shortRange: [number, number];
  windows: number;
}
