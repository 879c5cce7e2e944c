import type { ContractKind, MarginMode, PositionMode, Side, VenueId } from '../types';

/**
 * One maintenance-margin bracket, half-open: a position belongs to it when floor ≤ x < cap.
 * What x is depends on the table's basis (see TierBasis): by default the position's notional in
 * the unit the venue's maintenance formula uses — quote currency for linear contracts, the
 * settlement coin (face value ÷ price) for inverse ones.
 */
export interface Tier {
  floor: number;
  /** Upper edge; Infinity only on the last tier. */
  cap: number;
  /** Maintenance margin rate, e.g. 0.004. */
  mmr: number;
  /** Binance "cum", Bybit "mmDeduction", Hyperliquid deduction; 0 where the venue has none. */
  maintenanceAmount: number;
  /** Highest leverage allowed in this bracket, where the venue publishes it. */
  maxLeverage?: number;
  /** HTX: the adjustment factor; the maintenance rate is adjustFactor / leverage. */
  adjustFactor?: number;
}

/**
 * 'notional': brackets are position value (Binance, Bybit, Bitget, Gate, Hyperliquid).
 * 'quantity': brackets are position size in the same unit as LiquidationInput.quantity (base coin
 * for linear, USD face value for inverse); OKX, HTX and MEXC count contracts, which their parsers
 * convert with the contract size.
 */
export type TierBasis = 'notional' | 'quantity';

/** A venue's tier table for one market, with where it came from and when. */
export interface TierTable {
  venue: VenueId;
  symbol: string;
  tiers: Tier[];
  basis?: TierBasis;
  /** "okx:/api/v5/public/position-tiers" or "bundled:binance-btcusdt-2026-08-02". */
  source: string;
  /** Epoch ms of the table (fetch time, or the date a bundled table was recorded). */
  asOf: number;
  /**
   * Epoch ms at which the venue says it last changed these tiers, where it says so (Binance bapi
   * `updateTime`). Not the table's age: a table fetched today can carry brackets unchanged for a year.
   */
  changedAt?: number;
  /** HTX: one ladder per leverage setting (each tier's mmr already = adjustFactor / leverage). */
  leverageLadders?: { leverage: number; tiers: Tier[] }[];
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
  /** Isolated: position margin. Cross: wallet balance. Linear: quote currency; inverse: coin. */
  margin?: number;
  /** Margin added (+) or taken out (−, e.g. funding paid). */
  extraMargin?: number;
  /** Cross only: the rest of the account at the current mark. */
  otherPositions?: { maintenanceMargin: number; unrealizedPnl: number };
  /** Cross hedge mode (linear): the opposite leg of the same symbol, which shares one liquidation price. */
  hedgeOppositeLeg?: { quantity: number; entryPrice: number };
  /** One given tier; when present it is used as is and `tiers` is ignored. */
  tier?: { mmr: number; maintenanceAmount: number };
  tiers?: Tier[];
  /** Unit of the `tiers` brackets; default 'notional'. */
  tierBasis?: TierBasis;
  takerFeeRate?: number;
  /**
   * The instrument's price tick (e.g. OKX tickSz). Used only where the venue reports its number a
   * whole tick away from its formula (the rule's `reportedShift`); never to round.
   */
  tickSize?: number;
  /** Current mark price, for the distance figures. */
  markPrice?: number;
  /** Where `tiers` came from; copied into the result. */
  table?: { source: string; asOf: number };
  /** Assumptions made upstream (e.g. by the order builder); copied into the result first. */
  notes?: readonly string[];
}

export interface LiquidationResult {
  /**
   * Mark price at which the venue liquidates, as the venue itself reports it, or null when it never
   * does (computed ≤ 0). Unrounded. Equals the published formula's value except where the rule
   * declares a `reportedShift` and the tick size is known.
   */
  price: number | null;
  /** The published formula's value before the venue's reported shift; present only when a shift was applied. */
  formulaPrice?: number | null;
  /** Mark price at which the position's equity reaches zero (maintenance and fees left out). */
  bankruptcyPrice: number | null;
  tierUsed: { mmr: number; maintenanceAmount: number; index?: number; floor?: number; cap?: number };
  /** Signed distance from the mark price to `price`, when both are known; pct in percent (−3.1 = 3.1% below). */
  distance?: { abs: number; pct: number };
  /** Plain sentences: what was assumed because an input was missing or a rule is unpublished. */
  assumptions: string[];
  /** 'published': the venue documents this rule. 'closest-documented': Gate/MEXC stand-in. */
  rule: { venue: VenueId; status: 'published' | 'closest-documented'; name: string };
  table?: { source: string; asOf: number };
}
