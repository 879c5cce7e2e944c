/**
 * From the page reading to the order panel: which fields the trader must supply (named, never
 * guessed), what the calculator can be prefilled with, and — through the liquidation engine's
 * own order helper — the engine inputs for each side. THE wiring point between the page reader
 * (core/page) and the engine's order builder (core/liquidation/order.ts).
 */
import type { LiquidationInput } from '../liquidation/types';
import type { OrderDraftFields, PageReading } from '../page/types';
import { isFound } from '../page/types';
import type { CalculatorPrefill } from './order';
import type { MarketContext } from './session';

export type OrderBuild = { inputs: LiquidationInput[] } | { missing: string[]; prefill: CalculatorPrefill } | { waiting: true };

/** Names the order fields without which no liquidation price can be computed. */
export function missingOrderFields(fields: OrderDraftFields): string[] {
  const missing: string[] = [];
  if (!isFound(fields.side)) missing.push('side');
  if (!isFound(fields.orderType)) missing.push('orderType');
  else if (fields.orderType.value === 'limit' && !isFound(fields.limitPrice)) missing.push('price');
  if (!isFound(fields.leverage)) missing.push('leverage');
  if (!isFound(fields.marginMode)) missing.push('marginMode');
  return missing;
}

/** What the page did show, for the manual calculator. Sizes in contracts or quote are left to the trader. */
export function prefillFrom(reading: PageReading, ctx: MarketContext | null): CalculatorPrefill {
  const f = reading.fields;
  const prefill: CalculatorPrefill = {};
  if (isFound(f.side)) prefill.side = f.side.value === 'undecided' ? 'both' : f.side.value;
  if (isFound(f.orderType) && f.orderType.value === 'limit' && isFound(f.limitPrice)) prefill.entry = f.limitPrice.value;
  else if (ctx?.markPrice) prefill.entry = ctx.markPrice;
  if (isFound(f.size) && f.size.value.unit === 'coin') prefill.quantity = f.size.value.amount;
  if (isFound(f.leverage)) prefill.leverage = f.leverage.value;
  if (isFound(f.marginMode)) prefill.marginMode = f.marginMode.value;
  if (isFound(f.availableBalance)) prefill.balance = f.availableBalance.value.amount;
  return prefill;
}

/** Engine-side conversion of one read order into inputs (core/liquidation/order.ts). */
export type OrderToInputs = (reading: PageReading, ctx: MarketContext) => LiquidationInput[] | { missing: string[] };

/**
 * The keystroke path's first step. An empty size means the trader has not typed yet (waiting);
 * any other missing field opens the calculator naming it.
 */
export function orderFromReading(reading: PageReading, ctx: MarketContext | null, toInputs: OrderToInputs | null): OrderBuild {
  const f = reading.fields;
  const missing = missingOrderFields(f);
  if (!isFound(f.size) || f.size.value.amount <= 0) {
    return missing.length >= 3 ? { missing: [...missing, 'size'], prefill: prefillFrom(reading, ctx) } : { waiting: true };
  }
  if (missing.length > 0 || !ctx || !toInputs) return { missing: missing.length > 0 ? missing : ['market'], prefill: prefillFrom(reading, ctx) };
  const built = toInputs(reading, ctx);
  if (!Array.isArray(built)) return { missing: built.missing, prefill: prefillFrom(reading, ctx) };
  return { inputs: built };
}
