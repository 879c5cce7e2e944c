/**
 * What the page reader returns. Every field is either a value with the hook that found it, or
 * `missing` with the reason: the overlay asks the trader for a missing field (prefilled with what
 * is known) and never fills it with a guess.
 */
import type { MarginMode, Market, VenueId } from '../types';

export type FieldResult<T> = { value: T; hook: string } | { missing: string };

export function isFound<T>(field: FieldResult<T>): field is { value: T; hook: string } {
  return 'value' in field;
}

/** `undecided`: the form has both a buy/long and a sell/short submit button; show both cases. */
export type OrderSide = 'long' | 'short' | 'undecided';
export type OrderType = 'market' | 'limit';
/** coin = base asset, contracts = venue contracts (multiply by the contract size), quote = USDT/USD value. */
export type SizeUnit = 'coin' | 'contracts' | 'quote';

export interface OrderSize {
  amount: number;
  unit: SizeUnit;
  /** The unit text as the page shows it (`BTC`, `Cont`, `张`, `USDT`): show it next to the number. */
  unitLabel: string;
  /** Base coin per contract as the form itself states it (OKX's placeholder "Single contract value 0.01 BTC"). */
  contractValue?: number;
}

export interface Balance {
  amount: number;
  /** `USDT`, `BTC`, … or null when the page shows none. */
  currency: string | null;
}

export interface VisiblePosition {
  side: 'long' | 'short';
  /** Absolute size as the positions table shows it. */
  size: number;
  sizeUnitLabel: string | null;
  entryPrice: number | null;
  /** The exchange's own liquidation price in the row, where it shows one: only ever compared with LiqLens's. */
  liqPrice?: number;
}

/** The order being typed and what surrounds it, field by field. */
export interface OrderDraftFields {
  side: FieldResult<OrderSide>;
  orderType: FieldResult<OrderType>;
  /** The limit price input; missing for market orders (say so) or when empty. */
  limitPrice: FieldResult<number>;
  size: FieldResult<OrderSize>;
  leverage: FieldResult<number>;
  marginMode: FieldResult<MarginMode>;
  availableBalance: FieldResult<Balance>;
  /**
   * The exchange's own estimate of the typed order's liquidation price ("Est. Liq. Price", 预估强平价):
   * page text, so only ever compared with LiqLens's own figure, never shown as it.
   */
  estLiqPrice?: FieldResult<number>;
  /** `value: null` = the positions table is visible and has no row for this market. */
  position: FieldResult<VisiblePosition | null>;
}

export interface PriceFields {
  /** Last traded price shown on the page (header / book centre). */
  lastPrice: FieldResult<number>;
  /** Mark price where the page shows it. */
  markPrice: FieldResult<number>;
  /** Price from `document.title`, accepted only when the title also names this market. */
  titlePrice: FieldResult<number>;
}

export type PageFieldName = keyof OrderDraftFields | keyof PriceFields;

export interface PageFields extends OrderDraftFields, PriceFields {}

export interface HealthEntry {
  field: PageFieldName;
  ok: boolean;
  /** The hook that found it (ok) or why it is missing (not ok). */
  detail: string;
  /** Probes tried before the one that answered, with why each was passed over. */
  passedOver: string[];
}

export interface PageReading {
  venue: VenueId;
  market: Market;
  url: string;
  /** Epoch ms. */
  readAt: number;
  fields: PageFields;
  /** One entry per field, in a stable order: shown to the user on demand. */
  health: HealthEntry[];
  /** Elements the privacy guard refused to read during this pass (password, OTP, API-key fields …). */
  refusedSensitive: number;
}
