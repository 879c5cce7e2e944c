import { LiquidationInputError } from './errors';
import type { LiquidationRule } from './rule';
import { ruleFor } from './rules';
import type { LiquidationInput, LiquidationResult, Tier } from './types';
import { validateInput } from './validate';
import {
  inverseLiquidationPrice,
  inverseLiquidationPriceMaintenanceAtEntry,
  linearLiquidationPrice,
  linearLiquidationPriceMaintenanceAtEntry,
  solveTierAtLiquidation,
  tierIndexFor,
  type TierSolution,
} from './math';

/** Said when the position runs past the table's last tier: the venue's rate there may be higher (a liquidation nearer the entry), so the overlay says so even collapsed. */
export const BEYOND_LAST_TIER = 'The position is beyond the last bracket of the table: its last tier was used.';

const solution: TierSolution = { price: 0, index: 0, consistent: true };

/**
 * The liquidation price of one position (or the order being typed) exactly as its venue computes
 * it: validates the input, picks the maintenance tier the venue's way, solves the venue's
 * condition and says what it assumed. Unrounded: round to tick only for display (roundToTick).
 * Throws LiquidationInputError naming the field when an input is unusable.
 */
export function computeLiquidation(input: LiquidationInput): LiquidationResult {
  validateInput(input);
  const rule = ruleFor(input.venue);
  const assumptions: string[] = input.notes ? [...input.notes] : [];
  for (const note of rule.notes) assumptions.push(note);

  const inverse = input.contract === 'inverse';
  const side = input.side === 'long' ? 1 : -1;
  const qty = input.quantity;
  const entry = input.entryPrice;
  // Position value at entry in the margin currency: quote for linear, coin for inverse.
  const entryValue = inverse ? qty / entry : qty * entry;

  const collateral = collateralFor(input, entryValue, assumptions);
  const feeRate = feeRateFor(rule, input, assumptions);
  const maintenanceAt = rule.maintenanceAt[inverse ? 'inverse' : 'linear'];

  // Tier: one given, or chosen from the table the venue's way.
  let mmr: number;
  let amount: number;
  let index: number | undefined;
  let tier: Tier | undefined;
  let price = NaN;
  let solved = false;
  const tiers = input.tiers;
  const basis = input.tierBasis ?? 'notional';
  const hedgedCross = input.hedgeOppositeLeg !== undefined && input.marginMode === 'cross' && !inverse;
  if (input.tier !== undefined || tiers === undefined) {
    mmr = input.tier!.mmr;
    amount = input.tier!.maintenanceAmount ?? 0;
  } else {
    const selection = basis === 'quantity' ? 'by-size' : rule.tierSelection;
    if (selection === 'at-liquidation' && maintenanceAt === 'mark' && !hedgedCross) {
      solveTierAtLiquidation(inverse, side, qty, entry, collateral, tiers, feeRate, rule.usesMaintenanceAmount, solution);
      index = solution.index;
      price = solution.price;
      solved = true;
      if (!solution.consistent) {
        assumptions.push('No tier of the table contains its own liquidation price (the table is not self-consistent): used the tier at entry.');
      }
    } else {
      if (selection === 'by-size' && basis === 'notional') {
        assumptions.push(`${rule.name} picks the tier by position size; the table given is in notional, so the tier at the entry notional was used.`);
      }
      index = tierIndexFor(tiers, basis === 'quantity' ? qty : entryValue);
    }
    tier = tiers[index]!;
    mmr = tier.mmr;
    amount = tier.maintenanceAmount;
  }
  if (rule.mmrFromAdjustFactor && tier?.adjustFactor !== undefined) {
    mmr = tier.adjustFactor / leverageFor(input, entryValue, assumptions);
  }
  if (!rule.usesMaintenanceAmount) amount = 0;

  if (solved) {
    // price already set by the tier loop
  } else if (hedgedCross) {
    price = hedgedCrossPrice(input, side, collateral, mmr, amount, feeRate, maintenanceAt);
    if (tiers && index !== undefined && rule.tierSelection === 'at-liquidation' && basis === 'notional' && maintenanceAt === 'mark') {
      // Re-pick the tier at the shared liquidation price until it settles (a few passes at most).
      for (let pass = 0; pass < 4 && price > 0; pass++) {
        const next = tierIndexFor(tiers, qty * price);
        if (next === index) break;
        index = next;
        tier = tiers[index]!;
        mmr = tier.mmr;
        amount = rule.usesMaintenanceAmount ? tier.maintenanceAmount : 0;
        price = hedgedCrossPrice(input, side, collateral, mmr, amount, feeRate, maintenanceAt);
      }
    }
    assumptions.push('Cross hedge mode: both legs share one liquidation price; the opposite leg uses the same maintenance tier.');
  } else if (maintenanceAt === 'entry') {
    price = inverse
      ? inverseLiquidationPriceMaintenanceAtEntry(side, qty, entry, collateral, mmr, amount)
      : linearLiquidationPriceMaintenanceAtEntry(side, qty, entry, collateral, mmr, amount);
  } else {
    price = inverse
      ? inverseLiquidationPrice(side, qty, entry, collateral, mmr, amount, feeRate)
      : linearLiquidationPrice(side, qty, entry, collateral, mmr, amount, feeRate);
  }
  if (input.hedgeOppositeLeg && (input.marginMode !== 'cross' || inverse)) {
    assumptions.push(
      input.marginMode === 'cross'
        ? 'Cross hedge on an inverse contract: the opposite leg is not counted; pass its maintenance and PnL in otherPositions.'
        : 'Isolated hedge mode: each leg is liquidated on its own; the opposite leg does not affect this price.',
    );
  }

  const bankruptcy = inverse ? inverseLiquidationPrice(side, qty, entry, collateral, 0, 0, 0) : linearLiquidationPrice(side, qty, entry, collateral, 0, 0, 0);

  if (tier && index === tiers!.length - 1 && Number.isFinite(tier.cap) && price > 0) {
    const atEntry = rule.tierSelection !== 'at-liquidation' || maintenanceAt === 'entry';
    const reach = basis === 'quantity' ? qty : atEntry ? entryValue : inverse ? qty / price : qty * price;
    if (reach > tier.cap) assumptions.push(BEYOND_LAST_TIER);
  }

  const formula = usable(price);
  const reported = reportedPrice(rule, input, side, formula, assumptions);
  const result: LiquidationResult = {
    price: reported,
    bankruptcyPrice: hedgedCross ? null : usable(bankruptcy),
    tierUsed: tier ? { mmr, maintenanceAmount: amount, index, floor: tier.floor, cap: tier.cap } : { mmr, maintenanceAmount: amount },
    assumptions,
    rule: { venue: rule.venue, status: rule.status, name: rule.name },
  };
  if (reported !== formula) result.formulaPrice = formula;
  if (result.price === null) assumptions.push('The computed liquidation price is ≤ 0: this position is not liquidated by any price move.');
  if (input.markPrice !== undefined && result.price !== null) {
    const abs = result.price - input.markPrice;
    result.distance = { abs, pct: (abs / input.markPrice) * 100 };
    if (side * abs >= 0) {
      assumptions.push('The mark price is already past this liquidation price: the venue would liquidate at once or refuse the order for insufficient margin.');
    }
  }
  if (input.table) result.table = { source: input.table.source, asOf: input.table.asOf };
  return result;
}

/**
 * The number the venue itself reports: the formula value moved the rule's number of ticks toward
 * the entry price (up for a long, down for a short), when the rule declares such a shift and the
 * input carries the tick size. Otherwise the formula value, with the rule's note saying so.
 */
function reportedPrice(rule: LiquidationRule, input: LiquidationInput, side: number, formula: number | null, assumptions: string[]): number | null {
  const shift = rule.reportedShift;
  if (!shift || formula === null) return formula;
  if (input.tickSize === undefined) {
    assumptions.push(shift.noTickNote);
    return formula;
  }
  const ticks = side > 0 ? shift.ticksTowardEntry.long : shift.ticksTowardEntry.short;
  assumptions.push(shift.note);
  return usable(formula + side * ticks * input.tickSize);
}

/** ≤ 0 or non-finite: the venue shows "--" (Binance FAQ); Hyperliquid also gives up above 1e15. */
function usable(price: number): number | null {
  return price > 0 && price < 1e15 ? price : null;
}

function collateralFor(input: LiquidationInput, entryValue: number, assumptions: string[]): number {
  const extra = input.extraMargin ?? 0;
  if (input.marginMode === 'cross') {
    if (input.margin !== undefined) {
      const others = input.otherPositions;
      if (!others) {
        assumptions.push('Cross: other positions not visible: assumed none (wallet balance only).');
        return input.margin + extra;
      }
      return input.margin - others.maintenanceMargin + others.unrealizedPnl + extra;
    }
    assumptions.push('Cross: account balance unknown, computed as isolated (margin = position value ÷ leverage).');
  }
  if (input.margin !== undefined) return input.margin + extra;
  return entryValue / leverageFor(input, entryValue, assumptions) + extra;
}

function leverageFor(input: LiquidationInput, entryValue: number, assumptions: string[]): number {
  if (input.leverage !== undefined) return input.leverage;
  if (input.margin !== undefined) {
    assumptions.push('Leverage not given: taken as position value ÷ margin.');
    return entryValue / input.margin;
  }
  throw new LiquidationInputError('leverage', 'leverage or margin is required to know the position margin');
}

function feeRateFor(rule: LiquidationRule, input: LiquidationInput, assumptions: string[]): number {
  if (!rule.takerFee) return 0;
  if (input.takerFeeRate !== undefined) return input.takerFeeRate;
  assumptions.push(`Taker fee rate unknown: assumed ${rule.takerFee.defaultLabel}.`);
  return rule.takerFee.defaultRate;
}

/**
 * Cross hedge mode: both legs of the symbol share one liquidation price (Binance FAQ: the LONG and
 * SHORT terms of the same formula). Both legs use the maintenance tier given for this leg, which
 * is exact when they fall in the same bracket and is said otherwise.
 */
function hedgedCrossPrice(
  input: LiquidationInput,
  side: number,
  collateral: number,
  mmr: number,
  amount: number,
  feeRate: number,
  maintenanceAt: 'mark' | 'entry',
): number {
  const leg = input.hedgeOppositeLeg!;
  const q1 = input.quantity;
  const q2 = leg.quantity;
  const pnlBase = side * q1 * input.entryPrice - side * q2 * leg.entryPrice;
  const netSide = side * q1 - side * q2;
  if (maintenanceAt === 'entry') {
    const mmTotal = (q1 * input.entryPrice + q2 * leg.entryPrice) * mmr - 2 * amount;
    return (mmTotal - collateral + pnlBase) / netSide;
  }
  return (collateral + 2 * amount - pnlBase) / ((q1 + q2) * (mmr + feeRate) - netSide);
}
