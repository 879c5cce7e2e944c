import { unifiedSymbol, type VenueId } from '../types';
import type { Clock } from '../net/clock';
import type { Settings } from '../settings/settings';
import { realizedCollectionOf } from '../settings/settings';
import type { RealizedStore, VenueRecords } from '../realized/realized-store';
import { COVERAGE_GAP_MS } from '../realized/realized-store';
import type { StreamStatus } from '../realized/stream-manager';
import type { LiquidationStream } from '../realized/stream-types';
import type { RealizedTotals, RealizedView, RealizedWindow, VenueCoverage } from '../realized/types';
import { coveredSince, gapsIn, trimCoverage } from '../realized/coverage';
import { RETENTION_MS } from '../realized/totals';
import { DESCRIPTOR_LIST } from '../venues/descriptors';
import type { VendorFigures } from './vendor-figures';

/** A history-only venue whose last fill is older than this (two refresh alarms) is not collecting. */
const HISTORY_FRESH_MS = 11 * 60_000;
/** How many single liquidations the view lists. */
export const LARGEST_SHOWN = 10;
/** Assets the vendor cross-check asks about (their per-exchange lists are per coin). */
const CROSS_CHECKED_ASSETS = ['BTC', 'ETH'];

/**
 * A top-up re-reads this much before the last fill's end: a venue publishes a row late or stamps it
 * in whole seconds, and our clock may run ahead of its own. Rows read twice count once (stable ids).
 */
export const BACKFILL_OVERLAP_MS = 2 * 60_000;

/** Where a venue's REST backfill starts: the end of what it already has (less the overlap), at most 24 h back. */
export function backfillRange(records: VenueRecords, venue: VenueId, now: number): { from: number } {
  const r = records[venue];
  const lastSpan = r?.spans[r.spans.length - 1]?.to ?? -Infinity;
  const lastFill = r?.backfill?.span.to ?? -Infinity;
  return { from: Math.max(now - RETENTION_MS, Math.max(lastSpan, lastFill) - BACKFILL_OVERLAP_MS) };
}

const emptyTotals = (): RealizedTotals => ({ totalUsd: 0, longUsd: 0, shortUsd: 0, byVenue: {}, byAsset: {} });

const stateOf = (s: StreamStatus | undefined): VenueCoverage['state'] =>
  !s || s.state === 'idle' ? 'stopped' : s.state === 'open' ? 'collecting' : s.state === 'waiting' || s.attempt > 0 ? 'reconnecting' : 'connecting';

/**
 * The network-wide 24 h picture: totals per window from the minute buckets, each venue's coverage
 * (since when, its gaps, what REST history filled, whether its feed is sampled, or that it publishes
 * none), the largest single liquidations, and vendor figures beside ours where a key is set.
 */
export function createRealizedView(deps: {
  realized: RealizedStore;
  streams: LiquidationStream[];
  streamStatus: () => StreamStatus[];
  settings: () => Promise<Settings>;
  vendorFigures: VendorFigures;
  clock: Clock;
}) {
  return async function view(): Promise<RealizedView> {
    const now = deps.clock.now();
    const [settings, summary, records, largest] = await Promise.all([
      deps.settings(),
      deps.realized.summary(),
      deps.realized.venueRecords(),
      deps.realized.largest(LARGEST_SHOWN, now - RETENTION_MS),
    ]);
    const statuses = deps.streamStatus();
    const dayAgo = now - RETENTION_MS;
    const venues: VenueCoverage[] = DESCRIPTOR_LIST.map((d) => {
      const venue = d.basics.id;
      const stream = deps.streams.find((s) => s.venue === venue);
      const history = d.capabilities.liquidationHistory === true;
      const cap = d.capabilities.liquidationStream;
      const spans = trimCoverage(records[venue]?.spans ?? [], dayAgo);
      const fill = records[venue]?.backfill;
      return {
        venue,
        feed: stream ? 'stream' : history ? 'history' : 'none',
        reason: stream ? null : typeof cap === 'object' ? cap.absent : 'no public liquidation stream',
        enabled: settings.keylessVenues[venue] !== false,
        // A history-only venue is collecting while its fills keep up (the refresh alarm tops it up every 5 min).
        state: stream
          ? stateOf(statuses.find((s) => s.venue === venue))
          : history && settings.keylessVenues[venue] !== false && fill && now - fill.span.to <= HISTORY_FRESH_MS
            ? 'collecting'
            : 'stopped',
        since: coveredSince(spans),
        gaps: gapsIn(spans, dayAgo, now, COVERAGE_GAP_MS),
        backfill: fill && fill.span.to >= dayAgo ? { span: { from: Math.max(fill.span.from, dayAgo), to: fill.span.to }, families: fill.families } : null,
        sampled: stream?.sampled ?? null,
      };
    });
    const windows =
      summary?.windows ?? ({ '1h': emptyTotals(), '4h': emptyTotals(), '12h': emptyTotals(), '24h': emptyTotals() } as Record<RealizedWindow, RealizedTotals>);
    // Vendor figures per coin and venue, beside ours, over a window our collection fully covered.
    const anchor = deps.streams[0]?.venue;
    const comparisons = anchor
      ? (
          await Promise.all(
            CROSS_CHECKED_ASSETS.map(async (coin) => {
              const own = await deps.realized.summary({ asset: coin });
              // Only the coin of the market is read: the vendors' lists are per coin and exchange.
              return deps.vendorFigures.realizedComparisons({ venue: anchor, symbol: unifiedSymbol(coin, 'USDT') }, settings, own).catch(() => []);
            }),
          )
        ).flat()
      : [];
    // CoinAnk's network-wide totals: a wider figure than ours (every exchange it tracks), so shown
    // beside ours with the share our venues saw, not as a spread.
    const network = (await Promise.all(CROSS_CHECKED_ASSETS.map((coin) => deps.vendorFigures.coinankCoinTotals(coin, settings).catch(() => null)))).filter(
      (n): n is NonNullable<typeof n> => n !== null,
    );
    return { now, collection: realizedCollectionOf(settings), windows, venues, largest, comparisons, network, lowerBound: true };
  };
}
