import type { Provenance, Side, VenueId } from '../types';

/** One realized liquidation, normalized: `side` is the side of the position that was closed. */
export interface LiquidationEvent {
  venue: VenueId;
  symbol: string;
  side: Side;
  price: number;
  /** Base-coin quantity. */
  quantity: number;
  usd: number;
  time: number;
}

export type RealizedWindow = '1h' | '4h' | '12h' | '24h';

export interface RealizedTotals {
  totalUsd: number;
  longUsd: number;
  shortUsd: number;
  byVenue: Partial<Record<VenueId, { longUsd: number; shortUsd: number }>>;
  byAsset: Record<string, { longUsd: number; shortUsd: number }>;
}

export interface RealizedSummary {
  windows: Record<RealizedWindow, RealizedTotals>;
  /** Epoch ms since when events were collected: totals for longer windows are partial. */
  collectingSince: number;
  /** Exchange feeds are sampled (Binance sends at most one order per symbol per second). */
  lowerBound: true;
  provenance: Provenance;
}

/** The same figure from two or more sources; shown side by side, never averaged. */
export interface SourceComparison {
  figure: string;
  values: { source: string; value: number }[];
  /** (max − min) / max, as a fraction. */
  spread: number;
}
