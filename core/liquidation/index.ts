/**
 * Public API of the liquidation engine (import from '@/core/liquidation').
 *
 *   computeLiquidation(input)              exact liquidation price of one position, with tier, bankruptcy price,
 *                                          distance from mark and assumptions; throws LiquidationInputError
 *   orderToLiquidationInputs(draft)        the order being typed → the position(s) it leaves
 *   liquidationForOrder(draft)             both in one call
 *   positionToLiquidationInput(position)   an open position as a venue reports it → the engine's input
 *   linearLiquidationPrice(...)            closed form, plain numbers, no allocation (heatmap model)
 *   linearLiquidationPriceTiered(...)      same with the tier chosen at the liquidation price
 *   roundToTick(price, tick)               display rounding only
 */
import { computeLiquidation } from './engine';
import { orderToLiquidationInputs, type OrderDraft, type OrderPlan } from './order';
import type { LiquidationResult } from './types';

export { computeLiquidation } from './engine';
export { LiquidationInputError } from './errors';
export { inverseLiquidationPrice, linearLiquidationPrice, linearLiquidationPriceTiered, maintenanceAmountsByRecurrence, solveTierAtLiquidation } from './math';
export { orderToLiquidationInputs, positionToLiquidationInput, type OpenPosition, type OrderDraft, type OrderPlan } from './order';
export { roundToTick } from './tick-rounding';
export { LIQUIDATION_RULES, ruleFor } from './rules';
export type { LiquidationRule } from './rule';
export { validateTiers } from './validate';
export type { LiquidationInput, LiquidationResult, Tier, TierBasis, TierTable } from './types';

/** Prices the order being typed: the plan (what it leaves open, what was assumed) and one result per position. */
export function liquidationForOrder(draft: OrderDraft): { plan: OrderPlan; results: LiquidationResult[] } {
  const plan = orderToLiquidationInputs(draft);
  return { plan, results: plan.inputs.map(computeLiquidation) };
}
export { TIER_SOURCES, bundledTiers, tiersFor } from './tier-sources';
export { TierTableError, type TierSource } from './tier-source';
