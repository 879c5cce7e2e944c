import type { ContractKind, MarginMode, PositionMode, Side, VenueId } from '../types';

/** One maintenance-margin bracket. Notional in quote (linear) or USD face value (inverse). */
export interface Tier {
  floor: number;
  cap: number;
  /** Maintenance margin rate, e.g. 0.004. */
  mmr: number;
  /** Binance "cum", Bybit "mmDeduction", Hyperliquid deduction; 0 where the venue has none. */
  maintenanceAmount: number;
  /** Highest leverage allowed in this bracket, where the venue publishes it. */
  maxLeverage?: number;
}

/** A venue's tier table for one market, with where it came from and when. */
export interface TierTable {
  venue: VenueId;
  symbol: string;
  tiers: Tier[];
  /** "okx:/api/v5/public/position-tiers" or "bundled:binance-btcusdt-2025-11". */
  source: string;
  /** Epoch ms of the table (fetch time, or the date a bundled table was recorded). */
  asOf: number;
  /** For HTX: adjustment factors instead of mmr. */
  adjustFactors?: number[];
}

/** The order (or position) to price, in the vector format of issue 3. */
export interface LiquidationInput {
  venue: VenueId;
  contract?: ContractKind;
  marginMode: MarginMode;
  positionMode?: PositionMode;
  side: Side;
  entryPrice: number;
  /** Linear: base-coin amount. Inverse: USD face value. */
  quantity: number;
  leverage?: number;
  /** Isolated: position margin. Cross: wallet balance. */
  margin?: number;
  extraMargin?: number;
  otherPositions?: { maintenanceMargin: number; unrealizedPnl: number };
  tier?: { mmr: number; maintenanceAmount: number };
  tiers?: Tier[];
  takerFeeRate?: number;
  /** Current mark price, for the distance figures. */
  markPrice?: number;
}

export interface LiquidationResult {
  /** Mark price at which the venue liquidates, or null when it never does (computed ≤ 0). */
  price: number | null;
  bankruptcyPrice: number | null;
  tierUsed: { mmr: number; maintenanceAmount: number; index?: number; floor?: number; cap?: number };
  /** Signed distance from the mark price, when the mark is known. */
  distance?: { abs: number; pct: number };
  /** Plain sentences: what was assumed because an input was missing or a rule is unpublished. */
  assumptions: string[];
  /** 'published': the venue documents this rule. 'closest-documented': Gate/MEXC stand-in. */
  rule: { venue: VenueId; status: 'published' | 'closest-documented'; name: string };
  table?: { source: string; asOf: number };
}
