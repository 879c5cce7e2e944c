/**
 * The trader's own levels on the side panel's charts: the order the active tab's page shows (its
 * limit price) and the liquidation price that order would leave, one per order side while the form
 * has no side yet. Built from the same tab report the popup uses (`order.get`,
 * core/overlay/popup-order.ts) and recomputed here with the background's tiers, contract facts and
 * independent mark: the page's own figure is never drawn. Pure: no extension or page globals.
 */
import { sameMarket, type Market, type Side } from '../types';
import { computeSides, type Compute } from '../overlay/order-view';
import { orderFromReading, readingToInputs } from '../overlay/page-order';
import { readingFromReport, type OrderReport, type PricingFacts } from '../overlay/popup-order';

export interface TraderLiquidationLine {
  price: number;
  /** The position priced. */
  side: Side;
  /** The order that leaves it ("if you buy" / "if you sell"); absent when the report had none. */
  orderSide?: Side;
}

export interface TraderLines {
  market: Market;
  /** The form shows both buttons and no side yet: every liquidation line says which order it is for. */
  undecided: boolean;
  liquidations: TraderLiquidationLine[];
  /** The limit price typed on the page; null for a market order or none. */
  order: number | null;
  /** When the page was asked. */
  readAt: number;
}

export type TraderLineFacts = PricingFacts;

/**
 * The lines for `market` from the tab's report, or null when the report is for another market (or
 * none) or gives nothing to draw. A liquidation price the engine cannot compute (a missing field,
 * no mark, an engine error, no liquidation at all) is left out, never guessed.
 */
export function traderLinesFrom(report: OrderReport | null, market: Market, facts: TraderLineFacts, compute: Compute, now: number): TraderLines | null {
  if (!report || !sameMarket(report.market, market)) return null;
  const f = report.fields;
  const order = f.orderType === 'limit' && f.limitPrice !== undefined && f.size && f.size.amount > 0 ? f.limitPrice : null;
  const ctx = { market, tiers: facts.tiers, instrument: facts.instrument, markPrice: facts.markPrice, markFrom: 'mark' as const };
  const built = orderFromReading(readingFromReport(report, now), ctx, readingToInputs);
  const liquidations: TraderLiquidationLine[] = [];
  if ('inputs' in built)
    for (const s of computeSides(built.inputs, compute, built.orderSides))
      if ('result' in s && s.result.price !== null && Number.isFinite(s.result.price) && s.result.price > 0)
        liquidations.push({ price: s.result.price, side: s.side, ...(s.orderSide ? { orderSide: s.orderSide } : {}) });
  if (liquidations.length === 0 && order === null) return null;
  return { market, undecided: f.side === 'undecided', liquidations, order, readAt: now };
}

/** Whether two sets of lines draw the same (a poll that changed nothing keeps the charts as they are). */
export function sameLines(a: TraderLines | null, b: TraderLines | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    sameMarket(a.market, b.market) &&
    a.undecided === b.undecided &&
    a.order === b.order &&
    a.liquidations.length === b.liquidations.length &&
    a.liquidations.every((l, i) => {
      const m = b.liquidations[i]!;
      return l.price === m.price && l.side === m.side && l.orderSide === m.orderSide;
    })
  );
}
