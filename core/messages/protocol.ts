/**
 * The one message protocol between the content script, popup, options page and background.
 * Each command names its request schema, its response type and who may send it; the
 * background validates the sender first, then the payload, then dispatches through a table.
 */
import { type Market, type VenueId } from '../types';
import { VENUE_IDS } from '../venues/registry';
import { VENDOR_IDS, type VendorId } from '../vendors/hosts';
import type { TierTable } from '../liquidation/types';
import type { HeatmapSnapshot } from '../model/types';
import type { ModelOiShares } from '../model/oi-share';
import type { RealizedSummary, RealizedView, SourceComparison } from '../realized/types';
import type { Settings } from '../settings/settings';
import { formBoxSchema, settingsSchema } from '../settings/settings';
import { alertRulesSchema, type AlertRule } from '../alerts/rules';
import type { AlertState } from '../alerts/machine';
import { array, literal, object, oneOf, optional, str, type Infer, type Schema, num, SchemaError } from './schema';
import { CHART_LOOKBACK_HOURS, type ChartData, type ChartLookback } from '../chart/chart-data';

export const marketSchema = object({
  venue: oneOf(VENUE_IDS),
  symbol: str({ max: 40, pattern: /^[A-Z0-9]{1,20}\/[A-Z0-9]{2,10}:[A-Z0-9]{1,20}$/ }),
});

/** Who sent a message: a content script on a supported trading page, or one of our own pages. */
export type SenderKind = 'content' | 'extension';

/** A source's health, shown in the overlay and on the options page. */
export interface SourceStatus {
  source: string;
  lastSuccess: number | null;
  lastError: { at: number; message: string } | null;
}

/** Instrument facts the page reader and calculator need (contract size, tick). */
export interface InstrumentInfo {
  market: Market;
  contractSize: number;
  /** What one unit of the venue's size field is: coin, contracts, or quote currency. */
  tickSize: number;
  source: string;
  asOf: number;
}

export interface MarkPrice {
  price: number;
  time: number;
  source: string;
}

/** Everything the overlay shows for one market, cached or fresh, with its age. */
export interface MarketSnapshot {
  market: Market;
  mark: MarkPrice | null;
  /** Why `mark` is null: its source and the last error (the overlay says so instead of pricing from the page). */
  markMissing?: { source: string; reason: string };
  heatmap: HeatmapSnapshot | null;
  realized: RealizedSummary | null;
  comparisons: SourceComparison[];
  sources: SourceStatus[];
  /** True when at least one part is older than its freshness limit; a refresh is under way. */
  stale: boolean;
  /** Epoch ms of the oldest part shown. */
  asOf: number | null;
}

/**
 * A disagreement between the exchange's own figure on its page and LiqLens's, kept on this device
 * (IndexedDB, the newest 200) so the trader can look back at them; nothing is sent anywhere.
 */
export interface KeptDisagreement {
  at: number;
  market: Market;
  what: 'position' | 'order' | 'mark';
  exchange: number;
  ours: number;
  assumed: string[];
}

const price = num({ min: 1e-12, max: 1e12 });
const selfCheckSchema = object({
  market: marketSchema,
  what: oneOf(['position', 'order', 'mark'] as const),
  exchange: price,
  ours: price,
  assumed: array(str({ max: 160 }), { max: 6 }),
});

const lookbackSchema: Schema<ChartLookback> = (v, p) => {
  if (!CHART_LOOKBACK_HOURS.includes(v as ChartLookback)) throw new SchemaError(p, `one of ${CHART_LOOKBACK_HOURS.join(', ')} (hours)`);
  return v as ChartLookback;
};

function command<Req, Res>(request: Schema<Req>, from: readonly SenderKind[]) {
  return { request, from, response: undefined as unknown as Res };
}

const empty = object({});

export const COMMANDS = {
  ping: command<Infer<typeof empty>, { version: string }>(empty, ['content', 'extension']),
  'snapshot.get': command<{ market: Market }, MarketSnapshot>(object({ market: marketSchema }), ['content', 'extension']),
  /**
   * What the overlay needs for its first paint, in one round trip: the settings and, for a
   * market, the last assembled snapshot from the cache (one read, no refresh) — painted at once
   * while `snapshot.get` assembles the current one. The market is the one named, else the
   * sending trading page's own (from the browser-set sender URL). `cached` is null when nothing
   * is cached; `stale` is set when the copy is past its freshness limit.
   */
  'overlay.open': command<{ market?: Market }, { settings: Settings; cached: MarketSnapshot | null }>(object({ market: optional(marketSchema) }), [
    'content',
    'extension',
  ]),
  /**
   * The side panel's heatmap (heat history over the lookback, price candles, realized marks) and
   * liquidation map for a market, from the cached model run; bounded (core/chart/chart-data.ts).
   */
  'chart.get': command<{ market: Market; lookbackHours: ChartLookback }, ChartData>(object({ market: marketSchema, lookbackHours: lookbackSchema }), [
    'extension',
  ]),
  'tiers.get': command<{ market: Market }, TierTable>(object({ market: marketSchema }), ['content', 'extension']),
  'instrument.get': command<{ market: Market }, InstrumentInfo>(object({ market: marketSchema }), ['content', 'extension']),
  'markets.list': command<{ venue: VenueId }, Market[]>(object({ venue: oneOf(VENUE_IDS) }), ['extension']),
  'settings.get': command<Infer<typeof empty>, Settings>(empty, ['content', 'extension']),
  /**
   * The overlay's strings and engine-note translations for a language other than English, which
   * the content script does not bundle (keeps it small on every trading page).
   */
  'i18n.catalog': command<{ language: 'zh_CN' }, { messages: Record<string, string>; notes: { exact: Record<string, string>; patterns: [string, string][] } }>(
    object({ language: oneOf(['zh_CN'] as const) }),
    ['content', 'extension'],
  ),
  'settings.set': command<{ settings: Settings }, Settings>(object({ settings: settingsSchema }), ['extension']),
  'overlay.position': command<{ venue: VenueId; x: number; y: number }, Settings>(
    object({ venue: oneOf(VENUE_IDS), x: num({ min: -10_000, max: 10_000 }), y: num({ min: -10_000, max: 10_000 }) }),
    ['content', 'extension'],
  ),
  /** The order form's box as the overlay read it after its first frame, kept for the next first placement; saved only when it moved. */
  'overlay.formBox': command<{ venue: VenueId; formBox: Infer<typeof formBoxSchema> }, { saved: boolean }>(
    object({ venue: oneOf(VENUE_IDS), formBox: formBoxSchema }),
    ['content'],
  ),
  'vendor.setKey': command<{ vendor: VendorId; key: string }, { saved: true }>(
    object({ vendor: oneOf(VENDOR_IDS), key: str({ max: 200, pattern: /^[\x21-\x7e]*$/ }) }),
    ['extension'],
  ),
  'vendor.test': command<{ vendor: VendorId }, { ok: boolean; message: string }>(object({ vendor: oneOf(VENDOR_IDS) }), ['extension']),
  'sources.status': command<Infer<typeof empty>, SourceStatus[]>(empty, ['content', 'extension']),
  /**
   * From the overlay: keep one disagreement between the page's figure and LiqLens's. The market
   * must be the sending page's own (checked against the browser-set sender URL).
   */
  'selfcheck.record': command<Infer<typeof selfCheckSchema>, { kept: true }>(selfCheckSchema, ['content']),
  'selfcheck.list': command<{ market: Market }, KeptDisagreement[]>(object({ market: marketSchema }), ['content', 'extension']),
  /** For the options page: each recently viewed market's modelled OI by venue, from its latest cached snapshot. */
  'model.shares': command<Infer<typeof empty>, ModelOiShares[]>(empty, ['extension']),
  'cache.clear': command<Infer<typeof empty>, { cleared: true }>(empty, ['extension']),
  /** The network-wide realized liquidations (totals, per venue and asset, largest ones, coverage), for the extension's own pages. */
  'realized.view': command<Infer<typeof empty>, RealizedView>(empty, ['extension']),
  /** The alert rules (options page) and where each stands: armed, last notified, why it could not check. */
  'alerts.get': command<Infer<typeof empty>, AlertsView>(empty, ['extension']),
  /** Replaces the rules; a rule switched on re-arms (keeping its cooldown) and one check runs at once. */
  'alerts.set': command<{ rules: AlertRule[] }, AlertsView>(object({ rules: alertRulesSchema }), ['extension']),
  /** "Check now" on the options page: the alarm's check, run at once. */
  'alerts.check': command<Infer<typeof empty>, AlertsView>(empty, ['extension']),
} as const;

export interface AlertsView {
  rules: AlertRule[];
  states: Record<string, AlertState>;
}

export type CommandName = keyof typeof COMMANDS;
export type RequestOf<C extends CommandName> = (typeof COMMANDS)[C] extends { request: Schema<infer R> } ? R : never;
export type ResponseOf<C extends CommandName> = (typeof COMMANDS)[C]['response'];

export interface Envelope<C extends CommandName = CommandName> {
  channel: 'liqlens';
  command: C;
  payload: RequestOf<C>;
}

export type ErrorCode = 'bad-sender' | 'bad-message' | 'unknown-command' | 'forbidden' | 'source-error' | 'internal';
export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export const envelopeSchema = object({
  channel: literal('liqlens'),
  command: str({ max: 40 }),
  payload: optional((v) => v),
});

/** Port name for the live subscription that keeps streams running while a page or popup is open. */
export const LIVE_PORT = 'liqlens:live';
