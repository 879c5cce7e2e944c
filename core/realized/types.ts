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
  /** The venue's own id of the liquidation order, where it publishes one (else one is derived). */
  orderId?: string;
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

/** A time span, epoch ms. */
export interface Span {
  from: number;
  to: number;
}

/** What LiqLens knows about one venue's realized liquidations: how they are collected and since when. */
export interface VenueCoverage {
  venue: VenueId;
  /**
   * 'stream': a public stream LiqLens runs; 'history': no stream, only its REST history, read when
   * collection starts and topped up while it runs (reason says why there is no stream); 'none': the
   * venue publishes none (reason says why).
   */
  feed: 'stream' | 'history' | 'none';
  reason: string | null;
  /** Switched on in the settings (key-less venues). */
  enabled: boolean;
  /** Stream state now: collecting, connecting (first attempt), reconnecting (after a drop), or not running. */
  state: 'collecting' | 'connecting' | 'reconnecting' | 'stopped';
  /** Start of the uninterrupted run reaching now (or the last run), null when never collected. */
  since: number | null;
  /** Spans of the last 24 h with no data (stream down, browser closed), oldest first. */
  gaps: Span[];
  /** What the venue's REST history filled, and for which instrument families. */
  backfill: { span: Span; families: string[] } | null;
  /** The feed sends at most one liquidation per market per interval: totals are a lower bound. */
  sampled: string | null;
}

/** The network-wide realized view (the seed's 24 h picture), key-less. */
export interface RealizedView {
  now: number;
  collection: 'always' | 'while-trading-page';
  windows: Record<RealizedWindow, RealizedTotals>;
  venues: VenueCoverage[];
  /** Largest single liquidations of the last 24 h, largest first. */
  largest: LiquidationEvent[];
  /** Vendor figures for the same coin, window and venue, side by side with ours. */
  comparisons: SourceComparison[];
  /** A vendor's network-wide figures per coin (every exchange it tracks), beside ours, never merged. */
  network: NetworkTotals[];
  lowerBound: true;
}

/** One coin's liquidations across every exchange a vendor tracks: the seed's headline figure. */
export interface NetworkTotals {
  source: string;
  coin: string;
  /** Epoch ms the vendor answered. */
  fetchedAt: number;
  /** Long and short are null when the vendor's parts do not add up to its total. */
  windows: Partial<Record<RealizedWindow, { totalUsd: number; longUsd: number | null; shortUsd: number | null }>>;
}
