/**
 * A venue's page adapter is data: ordered probes per field, stable hooks first (data-testid, id,
 * name, ARIA), label text in the venue's languages last. The shared engine (read-page.ts) runs
 * them, records which one answered, and refuses sensitive elements. Adding a venue = one adapter
 * plus its fixture.
 */
import type { MarginMode, Market, VenueId } from '../types';
import type { DecimalSeparator } from '../format/numbers';

/**
 * One way to find one element. Exactly one visible, non-sensitive element must match, otherwise
 * the probe is passed over (with the reason) and the next one is tried.
 */
export interface Probe {
  /** What the health report shows, e.g. `[data-testid="max-asset"]` or `label "Available"`. */
  hook: string;
  /** A CSS selector. */
  css?: string;
  /** Label words (matched at the start of a label, normalised): the last-resort fallback. */
  label?: readonly string[];
  /** Where to look: inside the order form (default for order fields) or the whole document. */
  scope?: 'form' | 'document';
  /** For document-scope label probes: a container selector that bounds the text scan. */
  within?: string;
  /** Read this attribute instead of the text (or input value). */
  attr?: string;
  /**
   * Structural step for form roots: from the matched element walk up to the nearest ancestor
   * that also contains this selector (e.g. the size input's ancestor holding the sell button).
   */
  ancestorContaining?: string;
  /**
   * With `label`: the order form found by meaning — the single input labelled with `label`, then its
   * nearest ancestor holding a button or tab whose text this accepts (an order type or a side).
   */
  formAround?: (text: string) => boolean;
  /** Keep only css matches whose text matches (a `20x` leverage button among other buttons). */
  textMatches?: { test(text: string): boolean };
  /**
   * Look near another element instead of in the whole scope: within `closest` of the single
   * element matching `css`, else its ancestor `levels` up (default 2) — the unit beside the size input.
   */
  relativeTo?: { css: string; levels?: number; closest?: string };
}

export interface SideRule {
  /** The selected element of a long/short toggle (Bybit, Hyperliquid): its text names the side. */
  selected?: readonly Probe[];
  /** Submit buttons: when both are on the form the side is `undecided`. */
  longButton: readonly Probe[];
  shortButton: readonly Probe[];
  /** The selected open/close tab in hedge mode: a close tab means a reducing order. */
  openCloseTab?: readonly Probe[];
}

export interface PositionRule {
  /** The positions table/list: if found and no row is for this market, there is no position. */
  table: readonly Probe[];
  /** Row selector inside the table. */
  row: string;
  /** Cells inside a row. */
  symbol: string;
  size: string;
  entryPrice?: string;
  /** A cell whose text says long/short; otherwise the sign of the size decides. */
  side?: string;
  /** The exchange's liquidation price for the position (compared with LiqLens's, never shown as ours). */
  liqPrice?: string;
}

export interface VenuePageAdapter {
  venue: VenueId;
  /** The order form: the only subtree the watcher observes and the scope of form probes. */
  formRoot: readonly Probe[];
  /** Decimal separator the venue's pages use in this locale; default from `<html lang>`. */
  decimalSeparator?: (lang: string) => DecimalSeparator | undefined;
  lastPrice: readonly Probe[];
  markPrice: readonly Probe[];
  orderType: readonly Probe[];
  side: SideRule;
  limitPrice: readonly Probe[];
  size: readonly Probe[];
  /** The unit label next to the size input (`BTC`, `Cont`, `张`, `USDT`). */
  sizeUnit: readonly Probe[];
  leverage: readonly Probe[];
  /**
   * Separate long and short leverage on one control (OKX isolated/hedge: `5x` in green, `5x` in
   * red). Tried before `leverage`; the order's side picks one, and an undecided side needs both equal.
   */
  leverageBySide?: { long: readonly Probe[]; short: readonly Probe[] };
  marginMode: readonly Probe[];
  /** A margin mode the URL states exactly (HTX `#type=cross`), tried before the DOM. */
  marginModeFromUrl?: (url: URL) => MarginMode | null;
  availableBalance: readonly Probe[];
  /** The exchange's own estimated liquidation price in the order form, where the venue shows one. */
  estLiqPrice?: readonly Probe[];
  position?: PositionRule;
  /** Spellings of the market that may appear in the title or positions table (`BTCUSDT`, `BTC-USDT-SWAP`). */
  symbolSpellings: (market: Market) => string[];
}
