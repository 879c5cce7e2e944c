import { type VenueId } from '../types';
import { VENUE_IDS, VENUES } from '../venues/registry';
import { array, bool, num, object, oneOf, optional, record, str, type Infer, type Schema } from '../messages/schema';

export const LEVERAGE_PRESETS = ['default', 'conservative', 'degen', 'textbook'] as const;
export const THEMES = ['auto', 'dark', 'light'] as const;
export const LANGUAGES = ['auto', 'en', 'zh_CN'] as const;
export const NUMBER_FORMATS = ['auto', 'en', 'de', 'fr', 'zh'] as const;
/** When the background collects realized liquidations: all the time the browser runs, or only while a trading page (or the popup) is open. */
export const REALIZED_COLLECTION = ['always', 'while-trading-page'] as const;

const venueFlags = record(bool, { maxKeys: VENUE_IDS.length });
const PIXELS = { min: -100_000, max: 100_000 };
const length = num({ min: 0, max: PIXELS.max });
/** An order form's box and the window size it was read at (core/overlay/position.ts FormBox). */
export const formBoxSchema = object({
  viewport: object({ width: length, height: length }),
  box: object({ x: num(PIXELS), y: num(PIXELS), width: length, height: length }),
});

/** A switch added after settings were first stored: absent in older settings (and exports) means off. */
const laterSwitch: Schema<boolean> = (v, p) => (v === undefined ? false : bool(v, p));

export const settingsSchema = object({
  version: num({ integer: true, min: 1 }),
  /** Key-less venues whose public data feeds the model and the realized totals. */
  keylessVenues: venueFlags,
  /** Venues whose trading pages show the overlay. */
  overlaySites: venueFlags,
  leveragePreset: oneOf(LEVERAGE_PRESETS),
  lookbackDays: num({ integer: true, min: 1, max: 30 }),
  bandWindowPct: num({ min: 1, max: 50 }),
  overlayExpandedByDefault: bool,
  theme: oneOf(THEMES),
  language: oneOf(LANGUAGES),
  numberFormat: oneOf(NUMBER_FORMATS),
  /** Which vendor sources are switched on; their keys live apart, in `vendorKeys`. */
  vendors: object({ coinglass: bool, coinalyze: bool, coinank: laterSwitch }),
  overlayPositions: optional(record(object({ x: num(), y: num() }), { maxKeys: VENUE_IDS.length })),
  /** Each venue's order form box as last read, for placing the overlay before the page is read (core/overlay/position.ts FormBox). */
  overlayFormBoxes: optional(record(formBoxSchema, { maxKeys: VENUE_IDS.length })),
  pinnedMarkets: optional(array(object({ venue: oneOf(VENUE_IDS), symbol: str({ max: 40 }) }), { max: 20 })),
  /** Absent in settings saved before it existed: read as 'always' (realizedCollectionOf). */
  realizedCollection: optional(oneOf(REALIZED_COLLECTION)),
  /**
   * Market orders priced from the page's own last price when the background has no independent
   * mark price (offline, rate-limited, geo-blocked). Off unless the trader opts in: the page could be wrong.
   */
  priceFromPage: optional(bool),
});

export type Settings = Infer<typeof settingsSchema>;

const allVenues = (on: boolean): Record<VenueId, boolean> => Object.fromEntries(VENUE_IDS.map((v) => [v, on])) as Record<VenueId, boolean>;

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  keylessVenues: Object.fromEntries(VENUES.map((v) => [v.id, v.modelledByDefault])) as Record<VenueId, boolean>,
  overlaySites: allVenues(true),
  leveragePreset: 'default',
  lookbackDays: 7,
  bandWindowPct: 10,
  overlayExpandedByDefault: false,
  theme: 'auto',
  language: 'auto',
  numberFormat: 'auto',
  vendors: { coinglass: false, coinalyze: false, coinank: false },
};

export const realizedCollectionOf = (s: Settings): (typeof REALIZED_COLLECTION)[number] => s.realizedCollection ?? 'always';

/** Merges a partial, already-validated patch; unknown or invalid input is rejected by the caller. */
export function mergeSettings(current: Settings, patch: Partial<Settings>): Settings {
  return { ...current, ...patch, vendors: { ...current.vendors, ...(patch.vendors ?? {}) } };
}

/**
 * What the overlay keeps for itself: where the trader dragged it and where the order form was. Only
 * the overlay's own commands write them (`overlay.position`, `overlay.formBox`); the options page
 * shows none of them, so a save of the copy it loaded minutes ago must not put older ones back.
 */
const OVERLAY_MEMORY = ['overlayPositions', 'overlayFormBoxes'] as const;

/** `next` with the overlay's memory as `current` holds it. */
export function keepOverlayMemory(next: Settings, current: Settings): Settings {
  const kept: Settings = { ...next };
  for (const key of OVERLAY_MEMORY) {
    if (current[key] === undefined) delete kept[key];
    else Object.assign(kept, { [key]: current[key] });
  }
  return kept;
}
