import type { Tier } from './types';

/**
 * Closed forms of "equity(P) = maintenance(P) + fee(P)" for one position. Plain numbers in,
 * plain number out, no allocation: these run on every keystroke and, in the heatmap model,
 * once per modelled position. `side` is +1 for long, −1 for short. A result ≤ 0 or non-finite
 * means the position is never liquidated; callers decide how to show that.
 */

/**
 * Linear (quote-margined) contract, maintenance evaluated at the liquidation price.
 * qty in base coin, collateral in quote (isolated margin, or cross free equity),
 * maintenanceAmount = Binance cum / Bybit & Hyperliquid deduction, feeRate = taker fee where the venue counts it.
 *   LP = (E0 + cum − side·Q·EP) / (Q·(MMR + f) − side·Q)
 */
export function linearLiquidationPrice(side: number, qty: number, entry: number, collateral: number, mmr: number, maintenanceAmount = 0, feeRate = 0): number {
  return (collateral + maintenanceAmount - side * qty * entry) / (qty * (mmr + feeRate) - side * qty);
}

/**
 * Inverse (coin-margined) contract of `faceValue` USD, collateral and maintenance amount in coin.
 *   LP = S·(MMR + f + side) / (E0 + cum + side·S/EP)
 */
export function inverseLiquidationPrice(
  side: number,
  faceValue: number,
  entry: number,
  collateral: number,
  mmr: number,
  maintenanceAmount = 0,
  feeRate = 0,
): number {
  return (faceValue * (mmr + feeRate + side)) / (collateral + maintenanceAmount + (side * faceValue) / entry);
}

/** Linear, maintenance fixed at entry (Bybit help formula, MEXC): LP = EP − side·(E0 − MM_entry)/Q. */
export function linearLiquidationPriceMaintenanceAtEntry(
  side: number,
  qty: number,
  entry: number,
  collateral: number,
  mmr: number,
  maintenanceAmount = 0,
): number {
  return entry - (side * (collateral - (qty * entry * mmr - maintenanceAmount))) / qty;
}

/** Inverse, maintenance fixed at entry: 1/LP = 1/EP + side·(E0 − MM_entry)/S. */
export function inverseLiquidationPriceMaintenanceAtEntry(
  side: number,
  faceValue: number,
  entry: number,
  collateral: number,
  mmr: number,
  maintenanceAmount = 0,
): number {
  const mmEntry = (faceValue / entry) * mmr - maintenanceAmount;
  return 1 / (1 / entry + (side * (collateral - mmEntry)) / faceValue);
}

/** Where the tier solver writes its answer (reused, so the hot path allocates nothing). */
export interface TierSolution {
  price: number;
  index: number;
  /** False when no tier contained its own liquidation notional (an inconsistent table); index is then the entry tier. */
  consistent: boolean;
}

/** Index of the half-open bracket containing x; the last bracket is open-ended, values below the first floor go to 0. */
export function tierIndexFor(tiers: readonly Tier[], x: number): number {
  const last = tiers.length - 1;
  for (let i = 0; i < last; i++) if (x < tiers[i]!.cap) return i;
  return last;
}

function notionalAt(inverse: boolean, qty: number, price: number): number {
  if (!(price > 0) || !Number.isFinite(price)) return inverse ? Infinity : 0;
  return inverse ? qty / price : qty * price;
}

function contains(tiers: readonly Tier[], i: number, x: number): number {
  // −1: below this tier, 0: inside, +1: above it.
  if (i > 0 && x < tiers[i]!.floor) return -1;
  if (i < tiers.length - 1 && x >= tiers[i]!.cap) return 1;
  return 0;
}

function priceWith(inverse: boolean, side: number, qty: number, entry: number, collateral: number, tier: Tier, useAmount: boolean, feeRate: number): number {
  const amount = useAmount ? tier.maintenanceAmount : 0;
  return inverse
    ? inverseLiquidationPrice(side, qty, entry, collateral, tier.mmr, amount, feeRate)
    : linearLiquidationPrice(side, qty, entry, collateral, tier.mmr, amount, feeRate);
}

/**
 * The tier loop of Binance and Hyperliquid: maintenance is taken from the tier that contains the
 * position's notional *at the liquidation price*. Starts at the entry tier and walks the way the
 * notional moves on the way to liquidation (down for linear longs, up for linear shorts, the
 * reverse for inverse contracts, whose coin notional is S/P). With a table whose maintenance
 * amounts follow the venue's recurrence, maintenance is continuous and exactly one tier fits.
 * Without it (cum = 0, as at Bitget or Gate) maintenance jumps at an edge: when one tier's answer
 * lies past the edge and the next tier's answer falls back before it, liquidation happens at the
 * edge itself, which is reported with the next tier.
 */
export function solveTierAtLiquidation(
  inverse: boolean,
  side: number,
  qty: number,
  entry: number,
  collateral: number,
  tiers: readonly Tier[],
  feeRate: number,
  useMaintenanceAmount: boolean,
  out: TierSolution,
): TierSolution {
  const n = tiers.length;
  const start = tierIndexFor(tiers, notionalAt(inverse, qty, entry));
  const dir = side > 0 !== inverse ? -1 : 1;
  let previousOvershoot = false;
  for (let i = start; i >= 0 && i < n; i += dir) {
    const price = priceWith(inverse, side, qty, entry, collateral, tiers[i]!, useMaintenanceAmount, feeRate);
    const where = contains(tiers, i, notionalAt(inverse, qty, price));
    if (where === 0) return set(out, price, i, true);
    if (previousOvershoot && where === -dir) {
      // Liquidated on the edge between tier i − dir and tier i.
      const edge = dir > 0 ? tiers[i]!.floor : tiers[i - dir]!.floor;
      return set(out, inverse ? qty / edge : edge / qty, i, true);
    }
    previousOvershoot = where === dir;
  }
  for (let i = 0; i < n; i++) {
    const price = priceWith(inverse, side, qty, entry, collateral, tiers[i]!, useMaintenanceAmount, feeRate);
    if (contains(tiers, i, notionalAt(inverse, qty, price)) === 0) return set(out, price, i, true);
  }
  return set(out, priceWith(inverse, side, qty, entry, collateral, tiers[start]!, useMaintenanceAmount, feeRate), start, false);
}

function set(out: TierSolution, price: number, index: number, consistent: boolean): TierSolution {
  out.price = price;
  out.index = index;
  out.consistent = consistent;
  return out;
}

const scratch: TierSolution = { price: 0, index: 0, consistent: true };

/**
 * Fast entry point for bulk callers (the heatmap model): the exact liquidation price of a linear
 * position against a tier table, tier chosen at the liquidation price, maintenance amounts applied.
 * No validation and no allocation: pass finite positive numbers and a sorted, gap-free table
 * (validateTiers once per table). Returns ≤ 0 when the position cannot be liquidated.
 */
export function linearLiquidationPriceTiered(side: number, qty: number, entry: number, collateral: number, tiers: readonly Tier[], feeRate = 0): number {
  return solveTierAtLiquidation(false, side, qty, entry, collateral, tiers, feeRate, true, scratch).price;
}

/**
 * Fills in maintenance amounts from the recurrence shared by Binance, Bybit and Hyperliquid,
 *   cum₁ = 0, cumₙ = cumₙ₋₁ + floorₙ·(MMRₙ − MMRₙ₋₁),
 * which keeps maintenance margin continuous across bracket edges.
 */
export function maintenanceAmountsByRecurrence(tiers: readonly Omit<Tier, 'maintenanceAmount'>[]): Tier[] {
  let cum = 0;
  return tiers.map((tier, i) => {
    if (i > 0) cum += tier.floor * (tier.mmr - tiers[i - 1]!.mmr);
    return { ...tier, maintenanceAmount: cum };
  });
}
