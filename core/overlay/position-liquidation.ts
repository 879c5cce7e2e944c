/**
 * The liquidation price of the position the active tab's page shows (its positions table: side,
 * size, entry), for a liquidation alert taken "from the page". Computed in the extension, like the
 * popup's order figure (core/overlay/popup-order.ts), with the background's tiers and mark and the
 * form's leverage and margin mode; the page's own figures are never taken. Pure.
 */
import type { LiquidationInput, LiquidationResult } from '../liquidation/types';
import { orderToLiquidationInputs } from '../liquidation/order';
import { LiquidationInputError } from '../liquidation/errors';
import { parseUnifiedSymbol, sameMarket, type Market, type Side } from '../types';
import type { Compute } from './order-view';
import { tiersForLeverage } from './page-order';
import type { OrderReport, PricingFacts } from './popup-order';

export type PositionFacts = PricingFacts;

export type PositionLiquidation =
  | { side: Side; price: number; input: LiquidationInput; result: LiquidationResult }
  /** What the page or the background did not give (field names as the overlay's catalogs name them). */
  | { missing: string[] }
  /** The page shows no position on this market. */
  | { none: true };

/**
 * The shown position priced as the venue would: entry and size from the positions table, leverage
 * and margin mode from the order form (a venue's form shows the market's current setting), isolated
 * margin assumed entry value ÷ leverage (the engine's note says so). Linear contracts whose size the
 * page gives in the base coin only, as the overlay does; anything else is named as missing.
 */
export function positionLiquidation(report: OrderReport, market: Market, facts: PositionFacts, compute: Compute): PositionLiquidation {
  const f = report.fields;
  if (!sameMarket(report.market, market)) return { none: true };
  if (f.position === null) return { none: true };
  const missing: string[] = [];
  const position = f.position;
  if (!position) missing.push('position');
  else if (position.entryPrice === null) missing.push('position');
  const symbol = parseUnifiedSymbol(market.symbol);
  if (position && (symbol?.contract !== 'linear' || position.sizeUnitLabel?.toUpperCase() !== symbol.base)) missing.push('size');
  if (f.leverage === undefined) missing.push('leverage');
  if (f.marginMode === undefined) missing.push('marginMode');
  if (facts.markPrice === null) missing.push('markPrice');
  if (missing.length > 0 || !position || position.entryPrice === null || f.leverage === undefined || f.marginMode === undefined || facts.markPrice === null)
    return { missing: [...new Set(missing)] };
  try {
    const plan = orderToLiquidationInputs({
      venue: market.venue,
      contract: 'linear',
      side: position.side,
      type: 'limit',
      price: position.entryPrice,
      markPrice: facts.markPrice,
      size: { value: position.size, unit: 'coin' },
      leverage: f.leverage,
      marginMode: f.marginMode,
      ...(facts.instrument?.tickSize ? { tickSize: facts.instrument.tickSize } : {}),
      ...tiersForLeverage(facts.tiers, f.leverage),
      existingPosition: null,
    });
    const input = plan.inputs[0];
    if (!input) return { missing: ['position'] };
    input.notes = [...(input.notes ?? []), 'Open position from the page: its margin is not shown, assumed its entry value ÷ the current leverage.'];
    const result = compute(input);
    if (result.price === null || !(result.price > 0)) return { missing: ['liquidationPrice'] };
    return { side: position.side, price: result.price, input, result };
  } catch (error) {
    if (error instanceof LiquidationInputError) return { missing: [error.field] };
    return { missing: ['liquidationPrice'] };
  }
}
