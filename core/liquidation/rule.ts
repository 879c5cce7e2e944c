import type { ContractKind, VenueId } from '../types';

/**
 * How one venue turns a position into its liquidation price. Rules are data, not code: the
 * engine (engine.ts) is one solver for `equity(P) = maintenance(P) [+ fee(P)]`, and each venue
 * says which terms it uses. That keeps every venue's difference in one readable place
 * (core/venues/<venue>/liquidation.ts) and the hot path free of per-venue branches.
 */
export interface LiquidationRule {
  venue: VenueId;
  status: 'published' | 'closest-documented';
  /** Short name shown next to the number, e.g. "Binance USDⓈ-M FAQ formula". */
  name: string;
  /**
   * Which position value picks the maintenance tier:
   * 'at-liquidation' — the tier containing the notional at the liquidation price (loop);
   * 'at-entry'       — the tier containing the notional at the entry price;
   * 'by-size'        — the tier containing the position size (contracts), independent of price.
   */
  tierSelection: 'at-liquidation' | 'at-entry' | 'by-size';
  /**
   * 'mark': maintenance margin is evaluated at the liquidation (mark) price.
   * 'entry': maintenance margin is fixed at the entry price (Bybit classic/current help formula).
   */
  maintenanceAt: Record<ContractKind, 'mark' | 'entry'>;
  /** Whether the tier's maintenance amount (cum / deduction) is subtracted from maintenance margin. */
  usesMaintenanceAmount: boolean;
  /**
   * Fee rate inside the liquidation condition (OKX, Bitget: the taker fee; Gate: its fixed fee
   * reserve); null when the venue leaves fees out. `reserveInMargin`: the venue also sets that
   * fee aside inside an isolated position's margin when it opens (the order builder adds it).
   */
  takerFee: null | { defaultRate: number; defaultLabel: string; reserveInMargin?: boolean };
  /**
   * How the number the venue itself reports differs from its published formula: so many price
   * ticks toward the entry price (needs the instrument's tick size in the input). `note` is
   * attached when it is applied, `noTickNote` when the tick size is unknown and the formula
   * value is shown as is. The formula value stays in the result's `formulaPrice`.
   */
  reportedShift?: { ticksTowardEntry: { long: number; short: number }; note: string; noTickNote: string };
  /** HTX: maintenance rate = adjustment factor / leverage. */
  mmrFromAdjustFactor?: boolean;
  /** Sentences always attached to this venue's result (e.g. why a stand-in rule is used); translations in the venue's `noteTranslations`. */
  notes: readonly string[];
}

/** A venue's notes in other languages, English → translation; kept apart so the trading page never carries them. */
export interface NoteTranslations {
  zh_CN: Readonly<Record<string, string>>;
}
