import type { Market, Provenance, Side, VenueId } from '../types';

/** A leverage bucket of the key-less model: `weight` of new open interest opened at `leverage`. */
export interface LeverageWeight {
  leverage: number;
  weight: number;
}

export interface ModelSettings {
  preset: string;
  leverageWeights: LeverageWeight[];
  lookbackDays: number;
  /** Null: levels never fade; else the half-life in hours. */
  decayHalfLifeHours: number | null;
  /** Entry price assumed for positions opened in a bar. */
  entry: 'ohlc4' | 'hlc3' | 'close' | 'vwap';
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
  /** Signed % from the current price to the near edge. */
  distancePct: number;
}

export interface HeatmapSnapshot {
  market: Market;
  /** Price the bands are measured from. */
  price: number;
  /** Price grid: level i covers [min + i·step, min + (i+1)·step). */
  grid: { min: number; step: number; count: number };
  longUsd: number[];
  shortUsd: number[];
  bands: { long: Band[]; short: Band[]; windowPct: number };
  /** Long USD below / short USD above within the window. */
  imbalance: { longUsd: number; shortUsd: number };
  venues: VenueId[];
  settings: ModelSettings;
  provenance: Provenance;
}
