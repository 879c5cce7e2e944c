/**
 * The overlay checks itself against the exchange. Where the page shows the exchange's own
 * liquidation price (the positions row for this market, an "Est. Liq. Price" in the order form) or
 * its own mark price, LiqLens puts its figure for the same thing next to it. The page's number is
 * only ever compared: it is hostile input and never becomes the number the overlay shows as ours.
 * One rule decides agreement for every pair (crossCheckPrice in core/page/price.ts).
 */
import { orderToLiquidationInputs } from '../liquidation/order';
import { crossCheckPrice } from '../page/price';
import type { PageReading } from '../page/types';
import { isFound } from '../page/types';
import { CONTRACT_UNITS, normaliseLabel } from '../page/vocabulary';
import { parseUnifiedSymbol } from '../types';
import type { Compute, OrderState } from './order-view';
import { tiersForLeverage } from './page-order';
import type { MarketContext } from './session';

/** Page and background prices sit well within this of each other (the price-mismatch banner's threshold). */
export const MISMATCH_PCT = 2;

export type SelfCheckWhat = 'position' | 'order' | 'mark';

export interface SelfCheck {
  what: SelfCheckWhat;
  /** The exchange's figure as its page shows it. */
  exchange: number;
  /** LiqLens's own figure for the same thing. */
  ours: number;
  agrees: boolean;
  /** |exchange − ours| / ours, in percent. */
  pct: number;
  /** What LiqLens assumed to get its figure (plain sentences, shown after "LiqLens assumed"). */
  assumed: string[];
}

/** Exchange vs ours under the one rule: within `tolerance` (absolute, e.g. one tick) they agree. */
export function compareFigures(what: SelfCheckWhat, exchange: number, ours: number, tolerance: number, assumed: string[]): SelfCheck | null {
  // A hair over the tick still counts as the tick: both figures went through decimal rounding.
  const check = crossCheckPrice(exchange, ours, tolerance / ours + 1e-9);
  if (!check) return null;
  return { what, exchange, ours, agrees: check.agrees, pct: check.deviation * 100, assumed };
}

/** The position in the row, priced by the engine's own order → position mapping (an order of its size at its entry, nothing else open). */
function positionCheck(reading: PageReading, ctx: MarketContext, compute: Compute, tick: number): SelfCheck | null {
  const f = reading.fields;
  const pos = isFound(f.position) ? f.position.value : null;
  if (!pos?.liqPrice || !pos.entryPrice || !isFound(f.leverage) || !isFound(f.marginMode) || !ctx.markPrice) return null;
  const symbol = parseUnifiedSymbol(ctx.market.symbol);
  if (!symbol) return null;
  const label = normaliseLabel(pos.sizeUnitLabel ?? '');
  const unit = CONTRACT_UNITS.includes(label) ? 'contracts' : label.toUpperCase() === symbol.base ? 'coin' : null;
  const contractSize = ctx.instrument?.contractSize ?? (isFound(f.size) ? f.size.value.contractValue : undefined);
  if (!unit || (unit === 'contracts' && !contractSize)) return null;
  const leverage = f.leverage.value;
  const marginMode = f.marginMode.value;
  try {
    const plan = orderToLiquidationInputs({
      venue: ctx.market.venue,
      contract: symbol.contract,
      side: pos.side,
      type: 'limit',
      price: pos.entryPrice,
      markPrice: ctx.markPrice,
      size: { value: pos.size, unit },
      ...(contractSize ? { contractSize } : {}),
      leverage,
      marginMode,
      ...tiersForLeverage(ctx.tiers, leverage),
      existingPosition: null,
    });
    const input = plan.inputs[0];
    const result = input ? compute(input) : null;
    if (!result || result.price === null) return null;
    const assumed = [
      `${leverage}x ${marginMode} as in the form`,
      marginMode === 'cross' ? 'cross as isolated (no balance)' : 'margin = entry value ÷ leverage',
      `tiers ${result.table?.source.split(' ')[0] ?? 'default'}`,
    ];
    return compareFigures('position', pos.liqPrice, result.price, tick, assumed);
  } catch {
    return null;
  }
}

/** The form's "Est. Liq. Price" against LiqLens's figure for the one side being typed. */
function orderCheck(reading: PageReading, order: OrderState, tick: number): SelfCheck | null {
  const est = reading.fields.estLiqPrice;
  if (!est || !isFound(est) || order.kind !== 'computed' || order.sides.length !== 1) return null;
  const side = order.sides[0]!;
  if (!('result' in side) || side.result.price === null) return null;
  return compareFigures('order', est.value, side.result.price, tick, [...(side.input.notes ?? []), ...side.result.assumptions].slice(0, 3));
}

/**
 * Every comparison the page allows right now. `backgroundMark` is the mark the background fetched
 * (never the page's own, which `ctx.markPrice` falls back to).
 */
export function selfChecks(reading: PageReading, ctx: MarketContext, compute: Compute, order: OrderState, backgroundMark: number | null): SelfCheck[] {
  // Within the venue's tick; without instrument facts, one hundredth of a percent.
  const tick = (ours: number) => ctx.instrument?.tickSize ?? ours * 1e-4;
  const out: SelfCheck[] = [];
  const p = positionCheck(reading, ctx, compute, tick(ctx.markPrice ?? 1));
  if (p) out.push(p);
  const o = orderCheck(reading, order, tick(ctx.markPrice ?? 1));
  if (o) out.push(o);
  const mark = reading.fields.markPrice;
  if (backgroundMark && isFound(mark)) {
    // Shown (and kept) only when the two marks disagree: an agreeing mark is the normal case.
    const m = compareFigures('mark', mark.value, backgroundMark, backgroundMark * (MISMATCH_PCT / 100), []);
    if (m && !m.agrees) out.push(m);
  }
  return out;
}
