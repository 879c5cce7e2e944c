/**
 * The popup's own liquidation price for the active tab: the content script reports the order
 * inputs it read from the page (and, for comparison only, the figure its overlay shows); the popup,
 * an extension page the trading page cannot reach, recomputes the liquidation price itself with the
 * background's tier table and mark price. The report is page-derived and hostile: it is validated
 * by a schema, and its overlay figure is only ever compared, never shown as the popup's.
 */
import type { PageFields, PageReading, FieldResult } from '../page/types';
import { isFound } from '../page/types';
import { marketSchema, type InstrumentInfo } from '../messages/protocol';
import type { TierTable } from '../liquidation/types';
import { array, nullable, num, object, oneOf, optional, str, type Infer } from '../messages/schema';
import type { OrderState } from './order-view';
import type { Market } from '../types';

const price = num({ min: 1e-12, max: 1e12 });
const side = oneOf(['long', 'short'] as const);

/** What the content script answers to the popup's 'order.get' (core/overlay/tab-messages.ts). */
export const orderReportSchema = nullable(
  object({
    market: marketSchema,
    /** The order inputs the page reader found; an absent field was not read. */
    fields: object({
      side: optional(oneOf(['long', 'short', 'undecided'] as const)),
      orderType: optional(oneOf(['market', 'limit'] as const)),
      limitPrice: optional(price),
      size: optional(
        object({
          amount: num({ min: 0, max: 1e15 }),
          unit: oneOf(['coin', 'contracts', 'quote'] as const),
          unitLabel: str({ max: 20 }),
          contractValue: optional(price),
        }),
      ),
      leverage: optional(num({ min: 0, max: 1000 })),
      marginMode: optional(oneOf(['isolated', 'cross'] as const)),
      /** null: the positions table shows no row for this market. */
      position: optional(nullable(object({ side, size: num({ min: 0, max: 1e15 }), sizeUnitLabel: nullable(str({ max: 20 })), entryPrice: nullable(price) }))),
    }),
    /** The overlay's own figures as the content script holds them, per position side. */
    overlay: object({
      kind: oneOf(['waiting', 'pricing', 'computed', 'unreadable', 'no-mark'] as const),
      figures: array(object({ side, orderSide: optional(side), price: nullable(price) }), { max: 4 }),
    }),
  }),
);

export type OrderReport = NonNullable<Infer<typeof orderReportSchema>>;

/** What the extension prices a reported order or position with: the background's tiers, contract facts and independent mark. */
export interface PricingFacts {
  tiers: TierTable | null;
  instrument: InstrumentInfo | null;
  /** The background's independent mark only: the page's price never stands in here. */
  markPrice: number | null;
}
export type ReportedFields = OrderReport['fields'];

const valueOf = <T>(field: FieldResult<T> | undefined): T | undefined => (field && isFound(field) ? field.value : undefined);

/** The content script's side: what it read (order fields only: no balance, no page price) and what its overlay shows. */
export function reportOrder(reading: PageReading | null, market: Market | null, order: OrderState): OrderReport | null {
  if (!reading || !market || reading.market.venue !== market.venue || reading.market.symbol !== market.symbol) return null;
  const f = reading.fields;
  const fields: ReportedFields = {};
  const put = <K extends keyof ReportedFields>(key: K, value: ReportedFields[K] | undefined) => {
    if (value !== undefined) fields[key] = value;
  };
  put('side', valueOf(f.side));
  put('orderType', valueOf(f.orderType));
  put('limitPrice', valueOf(f.limitPrice));
  const size = valueOf(f.size);
  if (size)
    fields.size = { amount: size.amount, unit: size.unit, unitLabel: size.unitLabel, ...(size.contractValue ? { contractValue: size.contractValue } : {}) };
  put('leverage', valueOf(f.leverage));
  put('marginMode', valueOf(f.marginMode));
  const position = valueOf(f.position);
  if (position !== undefined)
    fields.position = position && { side: position.side, size: position.size, sizeUnitLabel: position.sizeUnitLabel, entryPrice: position.entryPrice };
  const figures =
    order.kind === 'computed'
      ? order.sides.map((s) => ({ side: s.side, ...(s.orderSide ? { orderSide: s.orderSide } : {}), price: 'result' in s ? s.result.price : null }))
      : [];
  return { market, fields, overlay: { kind: order.kind, figures: figures.slice(0, 4) } };
}

/** The popup's side: the reported fields as a page reading for the same order builder the overlay uses. */
export function readingFromReport(report: OrderReport, now: number): PageReading {
  const r = report.fields;
  const field = <T>(value: T | undefined): FieldResult<T> =>
    value === undefined ? { missing: 'not read on the page' } : { value, hook: 'reported by the page' };
  const fields: PageFields = {
    side: field(r.side),
    orderType: field(r.orderType),
    limitPrice: field(r.limitPrice),
    size: field(r.size),
    leverage: field(r.leverage),
    marginMode: field(r.marginMode),
    availableBalance: { missing: 'not asked for' },
    position: field(r.position),
    lastPrice: { missing: 'not asked for' },
    markPrice: { missing: 'not asked for' },
    titlePrice: { missing: 'not asked for' },
  };
  return { venue: report.market.venue, market: report.market, url: '', readAt: now, fields, health: [], refusedSensitive: 0 };
}
