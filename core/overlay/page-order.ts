/**
 * From the page reading to the order panel: which fields the trader must supply (named, never
 * guessed), what the calculator can be prefilled with, and — through the liquidation engine's
 * own order helper — the engine inputs for each side. THE wiring point between the page reader
 * (core/page) and the engine's order builder (core/liquidation/order.ts).
 */
import type { LiquidationInput, TierTable } from '../liquidation/types';
import { orderToLiquidationInputs, type OrderDraft } from '../liquidation/order';
import { LiquidationInputError } from '../liquidation/errors';
import type { OrderDraftFields, PageReading } from '../page/types';
import { isFound } from '../page/types';
import { parseUnifiedSymbol, type Side } from '../types';
import type { CalculatorPrefill } from './order-view';
import type { MarketContext } from './session';

export interface BuiltOrder {
  inputs: LiquidationInput[];
  /** The order side that produced each input (parallel to `inputs`). */
  orderSides?: Side[];
  /** Order sides whose order would close the open position exactly: nothing left to liquidate. */
  closes?: Side[];
  /** A market order priced from the page's last price: no independent mark, and the trader opted in. */
  pricedFromPage?: boolean;
}

/** A market order that needs an independent mark price the background does not have (and no opt-in). */
export interface NoMark {
  noMark: { source: string; reason: string };
}

export type OrderBuild = BuiltOrder | NoMark | { missing: string[]; prefill: CalculatorPrefill } | { waiting: true };
type FullOrder = Required<Omit<BuiltOrder, 'pricedFromPage'>> & Pick<BuiltOrder, 'pricedFromPage'>;

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
  else if (ctx?.markPrice && (ctx.markFrom !== 'page' || ctx.priceFromPage)) prefill.entry = ctx.markPrice;
  if (isFound(f.size) && f.size.value.unit === 'coin') prefill.quantity = f.size.value.amount;
  if (isFound(f.leverage)) prefill.leverage = f.leverage.value;
  if (isFound(f.marginMode)) prefill.marginMode = f.marginMode.value;
  if (isFound(f.availableBalance)) prefill.balance = f.availableBalance.value.amount;
  return prefill;
}

/** Engine-side conversion of one read order into inputs (core/liquidation/order.ts). */
export type OrderToInputs = (reading: PageReading, ctx: MarketContext) => FullOrder | NoMark | { missing: string[] };

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
  if ('noMark' in built) return built;
  if ('missing' in built) return { missing: built.missing, prefill: prefillFrom(reading, ctx) };
  return built;
}

/** The table's brackets for the engine; HTX publishes one ladder per leverage setting. */
export function tiersForLeverage(table: TierTable | null, leverage: number): Pick<OrderDraft, 'tiers' | 'tierBasis' | 'table'> {
  if (!table) return {};
  const tiers = table.leverageLadders?.length ? table.leverageLadders.find((l) => l.leverage === leverage)?.tiers : table.tiers;
  if (!tiers || tiers.length === 0) return {};
  return { tiers, ...(table.basis ? { tierBasis: table.basis } : {}), table: { source: table.source, asOf: table.asOf } };
}

/**
 * The page's order → the engine's OrderDraft → orderToLiquidationInputs (core/liquidation/order.ts),
 * once per side (both when the form has both buttons). Contract size comes from the venue's
 * instrument data via the background; a field the engine cannot do without comes back as missing.
 */
export const readingToInputs: OrderToInputs = (reading, ctx) => {
  const f = reading.fields;
  if (!isFound(f.side) || !isFound(f.orderType) || !isFound(f.size) || !isFound(f.leverage) || !isFound(f.marginMode))
    return { missing: missingOrderFields(f) };
  if (!ctx.markPrice) return { missing: ['markPrice'] };
  // A market order fills near the mark: without an independent one, the page's price may stand in
  // only when the trader opted in, and then it says so. A limit order is priced at its own price.
  const fromPage = ctx.markFrom === 'page';
  if (fromPage && f.orderType.value === 'market' && !ctx.priceFromPage)
    return { noMark: ctx.markMissing ?? { source: ctx.market.venue, reason: 'no mark price' } };
  const symbol = parseUnifiedSymbol(ctx.market.symbol);
  const contract = symbol?.contract ?? 'linear';
  const sides: Side[] = f.side.value === 'undecided' ? ['long', 'short'] : [f.side.value];
  const position = isFound(f.position) ? f.position.value : undefined;
  // A visible position is used only when its size is in the engine's unit (base coin, linear).
  let existing: OrderDraft['existingPosition'];
  if (position === null) existing = null;
  else if (position && position.entryPrice && contract === 'linear' && symbol && position.sizeUnitLabel?.toUpperCase() === symbol.base) {
    existing = { side: position.side, size: position.size, entryPrice: position.entryPrice };
  }
  const base: Omit<OrderDraft, 'side'> = {
    venue: ctx.market.venue,
    contract,
    type: f.orderType.value,
    ...(f.orderType.value === 'limit' && isFound(f.limitPrice) ? { price: f.limitPrice.value } : {}),
    markPrice: ctx.markPrice,
    ...(fromPage ? { markFrom: 'page' as const } : {}),
    size: { value: f.size.value.amount, unit: f.size.value.unit },
    // The background's instrument facts first; the form's own stated contract value only without them.
    ...(ctx.instrument?.contractSize || f.size.value.contractValue ? { contractSize: ctx.instrument?.contractSize || f.size.value.contractValue } : {}),
    // The venue's own number can sit a tick off its formula (a rule's reportedShift): needs the tick.
    ...(ctx.instrument?.tickSize ? { tickSize: ctx.instrument.tickSize } : {}),
    leverage: f.leverage.value,
    marginMode: f.marginMode.value,
    ...tiersForLeverage(ctx.tiers, f.leverage.value),
    ...(existing !== undefined ? { existingPosition: existing } : {}),
  };
  try {
    const out: FullOrder = { inputs: [], orderSides: [], closes: [], ...(fromPage && f.orderType.value === 'market' ? { pricedFromPage: true } : {}) };
    for (const side of sides) {
      const plan = orderToLiquidationInputs({ ...base, side });
      if (plan.inputs.length === 0) out.closes.push(side);
      for (const input of plan.inputs) {
        out.inputs.push(input);
        out.orderSides.push(side);
      }
    }
    return out;
  } catch (error) {
    if (error instanceof LiquidationInputError) return { missing: [error.field] };
    throw error;
  }
};
