import type { Market, VenueId } from '../types';
import type { MarketSnapshot, SourceStatus } from '../messages/protocol';
import type { HandlerTable } from '../messages/router';
import type { Clock, Timers } from '../net/clock';
import { createFetcher, type FetchLike } from '../net/fetcher';
import { envelopeReader, type ErrorEnvelope } from '../net/errors';
import { createCache } from '../cache/cache';
import { createDbHandle, DB_NAME, type DbHandle } from '../cache/db';
import { createRealizedStore, type VenueRecords } from '../realized/realized-store';
import { createStreamManager, type OpenSocket } from '../realized/stream-manager';
import type { ContractFacts, LiquidationHistory, LiquidationStream, StreamEndpoint } from '../realized/stream-types';
import { TEST_BUILD } from '../build';
import { createKeyStore, idbKeyArea, type KeyArea, type LocalStorageArea, type PermissionChecker } from '../vendors/keys';
import { createVendorClient } from '../vendors/client';
import { VENDOR_HOST_LIMITS } from '../vendors/hosts';
import { errorEnvelopeForHost, venueHostLimits } from '../venues/descriptors';
import { TIER_SOURCES, bundledTiers } from '../liquidation/tier-sources';
import { createData } from './data';
import { createHandlers } from './handlers';
import { createChartAssembler } from './chart';
import { createDisagreements } from './disagreements';
import { createLivePorts } from './live';
import { createSettingsStore } from './settings-store';
import { createSnapshotAssembler, snapshotKey } from './snapshot';
import { createStatusRecorder } from './status';
import { createVendorFigures } from './vendor-figures';
import { createViewedMarkets } from './viewed';
import { createMarketGuard } from './market-guard';
import { marketFromUrl } from '../page/market-from-url';
import { LIQUIDATION_HISTORIES, LIQUIDATION_STREAMS, MARKET_DATA } from './venues';
import type { HeatmapRequest } from './model-bridge';
import type { HeatmapSnapshot } from '../model/types';
import { DEFAULT_SETTINGS, realizedCollectionOf, type Settings } from '../settings/settings';
import { BACKFILL_OVERLAP_MS, backfillRange, createRealizedView } from './realized-view';
import { ALERT_ALARM, createAlerts, type AlertDeps } from './alerts';
import { createAlertHandlers } from './alert-handlers';
import { realizedWithin } from './alert-inputs';

export const REFRESH_ALARM = 'liqlens-refresh';
export const REFRESH_PERIOD_MINUTES = 5;
const RECENTLY_VIEWED_MS = 30 * 60_000;

/** Everything the background needs from the platform, injected so the whole service runs in tests. */
export interface ServiceEnv {
  version: string;
  fetch: FetchLike;
  clock: Clock;
  timers: Timers;
  local: LocalStorageArea;
  /** Where vendor keys live (default: the extension origin's IndexedDB). */
  keyArea?: KeyArea;
  permissions: PermissionChecker;
  openSocket: OpenSocket;
  isOffline?: () => boolean;
  random?: () => number;
  db?: DbHandle;
  /** Shows an alert's notification (absent: alerts are checked but cannot notify, and say so). */
  notify?: AlertDeps['notify'];
  uiLanguage?: string;
  buildHeatmap?: (req: HeatmapRequest) => HeatmapSnapshot | null;
}

/** Wires the background: handler table, live ports, alarm job and read-only test hooks. */
export function createService(env: ServiceEnv) {
  const db = env.db ?? createDbHandle();
  const envelopes = new Map<string, ErrorEnvelope | undefined>();
  const fetcher = createFetcher({
    fetch: env.fetch,
    clock: env.clock,
    limits: { ...venueHostLimits(), ...VENDOR_HOST_LIMITS },
    errorEnvelopeFor: (host) => {
      if (!envelopes.has(host)) {
        const specs = errorEnvelopeForHost(host);
        envelopes.set(host, specs ? envelopeReader(specs) : undefined);
      }
      return envelopes.get(host);
    },
    ...(env.isOffline ? { isOffline: env.isOffline } : {}),
  });
  const cache = createCache(db, env.clock);
  const status = createStatusRecorder(db, env.clock);
  const realized = createRealizedStore(db, env.clock, { freeSpace: () => cache.freeSpace() });
  const settings = createSettingsStore(env.local);
  const keys = createKeyStore(env.keyArea ?? idbKeyArea(), env.local);
  const vendors = createVendorClient({ fetcher, keys, permissions: env.permissions });
  const viewed = createViewedMarkets(db, env.clock);
  const disagreements = createDisagreements(db, env.clock);
  const data = createData({
    fetcher,
    cache,
    clock: env.clock,
    status,
    marketData: MARKET_DATA,
    tierSources: TIER_SOURCES,
    bundledTiers,
    ...(env.buildHeatmap ? { buildHeatmap: env.buildHeatmap } : {}),
  });
  const vendorFigures = createVendorFigures({ vendors, keys, cache, clock: env.clock, status });

  const streamList = Object.values(LIQUIDATION_STREAMS) as LiquidationStream[];
  const historyList = Object.values(LIQUIDATION_HISTORIES) as LiquidationHistory[];
  // Contract sizes of the streams and histories that count in contracts, per venue; their events are skipped until known.
  const contracts = new Map<VenueId, Record<string, ContractFacts>>();
  const contextOf = (venue: VenueId) => ({ contract: (id: string) => contracts.get(venue)?.[id] });
  async function loadContracts(of: { venue: VenueId; contracts?: StreamEndpoint<Record<string, ContractFacts>> }) {
    const ep = of.contracts;
    if (!ep) return;
    try {
      const r = await cache.swr('instruments', `${of.venue}:contracts`, () =>
        data.fetchEndpoint({ ...ep, parse: (json) => ep.parse(json, contextOf(of.venue)) }),
      );
      contracts.set(of.venue, r.value);
      r.refresh?.then((v) => contracts.set(of.venue, v)).catch(() => undefined);
    } catch {
      /* status already records it */
    }
  }

  let lastAlive = 0;
  const lastVenueAlive = new Map<VenueId, number>();
  // The user's key-less venue switches, kept in memory for the stream manager's synchronous check.
  // Unknown (null) until read from storage: a worker that has just started opens nothing before it
  // knows which venues the user turned off (a live port can arrive before the read ends).
  let venueSwitches: Settings['keylessVenues'] | null = null;
  const switchedOn = (venue: VenueId) => venueSwitches !== null && venueSwitches[venue] !== false;
  let collection = realizedCollectionOf(DEFAULT_SETTINGS);
  // The background's own hold on the streams when collecting all the time (no page needed).
  let backgroundHold: (() => void) | null = null;
  const applySwitches = (s: Settings) => {
    venueSwitches = s.keylessVenues;
    collection = realizedCollectionOf(s);
    streams.reconcile();
    applyCollection();
  };
  const loadSwitches = () =>
    settings
      .get()
      .then(applySwitches)
      .catch(() => undefined);
  let watchedMarkets: () => Market[] = () => [];
  const streams = createStreamManager({
    streams: streamList,
    openSocket: env.openSocket,
    timers: env.timers,
    now: env.clock.now,
    ...(env.random ? { random: env.random } : {}),
    context: (venue) => contextOf(venue),
    onEvents: (events) => void realized.record(events).catch(() => undefined),
    onTraffic: (venue) => {
      const now = env.clock.now();
      // Coverage is written at most every 30 s per venue: a gap is anything over COVERAGE_GAP_MS.
      if (now - (lastVenueAlive.get(venue) ?? 0) >= 30_000) {
        lastVenueAlive.set(venue, now);
        void realized.markVenueAlive(venue).catch(() => undefined);
      }
      if (now - lastAlive < 30_000) return;
      lastAlive = now;
      void realized.markAlive().catch(() => undefined);
    },
    isEnabled: switchedOn,
    // Every market watched on any venue, in this venue's names: per-symbol feeds then cover the coin
    // wherever the trader watches it (all-market feeds ignore the list).
    symbols: (stream) => watchedMarkets().flatMap((m) => stream.venueSymbol(m.symbol) ?? []),
  });
  const live = createLivePorts(streams, () => undefined);
  watchedMarkets = live.watched;

  /** One stable row per stream; the state goes into the error text only when something is wrong. */
  function streamStatus(): SourceStatus[] {
    return streams.status().map((s) => {
      const problems = [
        s.state === 'waiting' ? `reconnecting (attempt ${s.attempt})` : null,
        s.lastError,
        s.rejected ? `${s.rejected} unreadable messages` : null,
      ].filter(Boolean);
      return {
        source: `${s.venue}:liquidation-stream`,
        lastSuccess: s.lastMessageAt,
        lastError: problems.length ? { at: env.clock.now(), message: `${s.venue} liquidation stream: ${problems.join('; ')}` } : null,
      };
    });
  }

  /**
   * Fills each family's gap since this venue's stream last delivered, or its history last filled
   * (at most 24 h), from its public REST history, newest page first, paging back until the gap is
   * reached (the history's maxPages at most). A page that fails to read (malformed, HTML, 429)
   * stores nothing and ends that family's paging; what was read before it still counts, and the
   * span filled says so. Overlap with the stream is harmless: the store counts each liquidation once.
   */
  const backfilling = new Set<VenueId>();
  async function backfill(history: LiquidationHistory, before: VenueRecords) {
    // One backfill per venue at a time (a start-up's and an alarm's would ask for the same pages).
    if (backfilling.has(history.venue)) return;
    backfilling.add(history.venue);
    try {
      await backfillVenue(history, before);
    } finally {
      backfilling.delete(history.venue);
    }
  }
  async function backfillVenue(history: LiquidationHistory, before: VenueRecords) {
    const now = env.clock.now();
    const { from } = backfillRange(before, history.venue, now);
    if (now - from < 60_000 + BACKFILL_OVERLAP_MS) return;
    await loadContracts(history);
    // Sizes in contracts with no contract values: every row would be rejected and the history would
    // look empty, so it is not read at all (the contracts source's status says why).
    if (history.contracts && !contracts.has(history.venue)) return;
    let reached = from;
    const families: string[] = [];
    for (const family of history.families) {
      let olderThan: number | undefined;
      let oldest = now;
      let complete = false;
      for (let page = 0; page < history.maxPages; page++) {
        // Switched off while paging back: not one more request to that venue.
        if (!switchedOn(history.venue)) return;
        const ep = history.endpoint(family, olderThan, now);
        try {
          const { events, rejected, next } = await fetcher.get(ep.request, (json: unknown) => ep.parse(json, contextOf(history.venue)), {
            source: ep.source,
          });
          void status.ok(ep.source);
          await realized.record(events.filter((e) => e.time > from && e.time <= now));
          // How far back this page reaches: the venue's own cursor when it pages by time window, else its oldest event.
          const times = events.map((e) => e.time);
          // A page of nothing but unreadable rows is not the end of the history: stop, claiming no more than before it.
          if (next === undefined && !times.length && rejected > 0) break;
          const pageOldest = next ?? (times.length ? Math.min(...times) : from);
          if ((next === undefined && !times.length) || pageOldest <= from || (olderThan !== undefined && pageOldest >= olderThan)) {
            complete = true;
            break;
          }
          oldest = pageOldest;
          olderThan = pageOldest;
        } catch (error) {
          void status.failed(ep.source, error);
          break;
        }
      }
      if (complete || oldest < now) {
        families.push(family);
        reached = Math.max(reached, complete ? from : oldest);
      }
    }
    const asCoverage = !LIQUIDATION_STREAMS[history.venue];
    // A span is claimed for every family or for none: a family that failed keeps the last fill's end,
    // so the next run reads its gap again (what the others stored meanwhile counts once).
    if (families.length === history.families.length)
      await realized.markBackfilled(history.venue, { from: reached, to: now }, families, { asCoverage }).catch(() => undefined);
  }

  /** Backfills every venue with a REST history that the user has switched on, one after another. */
  async function backfillAll(before: Promise<VenueRecords>, only: (h: LiquidationHistory) => boolean = () => true) {
    for (const history of historyList) {
      if (!switchedOn(history.venue) || !only(history)) continue;
      await backfill(history, await before).catch(() => undefined);
    }
  }

  /** Runs once when the streams start (a page opened, or the background collects all the time). */
  function streamsStarting() {
    // Coverage as it was before this run's first message moves it to now: the gap to fill ends there.
    const before = realized.venueRecords().catch((): VenueRecords => ({}));
    void realized.markAlive().catch(() => undefined);
    // The switches must be known before anything is asked of a venue: one the user turned off gets no request.
    void loadSwitches().then(async () => {
      for (const stream of streamList) if (switchedOn(stream.venue)) await loadContracts(stream);
      await backfillAll(before);
    });
  }

  /** Holds the streams from the background itself when collecting all the time; lets go otherwise. */
  function applyCollection() {
    if (collection === 'always' && !backgroundHold) {
      const wasRunning = streams.isRunning();
      backgroundHold = streams.acquire();
      if (!wasRunning) streamsStarting();
    } else if (collection !== 'always' && backgroundHold) {
      backgroundHold();
      backgroundHold = null;
    }
  }

  const realizedView = createRealizedView({
    realized,
    streams: streamList,
    streamStatus: () => streams.status(),
    settings: () => settings.get(),
    vendorFigures,
    clock: env.clock,
  });
  const snapshots = createSnapshotAssembler({ data, realized, cache, clock: env.clock, status, vendorFigures, streamStatus });
  const alerts = createAlerts({
    local: env.local,
    data,
    settings,
    realizedWithin: (asset, minutes, now) => realizedWithin(db, realized, asset, minutes, now),
    clock: env.clock,
    notify: env.notify ?? (async () => false),
    ...(env.uiLanguage ? { uiLanguage: env.uiLanguage } : {}),
  });
  const handlers: HandlerTable = {
    ...createAlertHandlers(alerts),
    ...createHandlers({
      version: env.version,
      data,
      cache,
      settings,
      keys,
      vendors,
      status,
      viewed,
      disagreements,
      snapshots,
      guard: createMarketGuard({ now: () => env.clock.now(), marketOfUrl: marketFromUrl }),
      chart: createChartAssembler({ data, realized, clock: env.clock }),
      streamStatus,
      onSettingsChanged: (saved) => (saved ? applySwitches(saved) : void loadSwitches()),
      realizedView: () => realizedView(),
    }),
  };

  return {
    handlers,
    /** A LIVE_PORT connection from a validated sender. */
    acceptLivePort(port: Parameters<typeof live.accept>[0]) {
      const wasRunning = streams.isRunning();
      live.accept(port);
      if (!wasRunning) streamsStarting();
    },
    /** The refresh alarm: keep recently viewed markets warm, purge what expired. */
    async onAlarm(name: string): Promise<void> {
      if (name === ALERT_ALARM) {
        await alerts.check().catch(() => undefined);
        return;
      }
      if (name !== REFRESH_ALARM) return;
      const current = await settings.get();
      for (const market of await viewed.recent(RECENTLY_VIEWED_MS)) {
        await snapshots.assemble(market, current, true).catch(() => undefined);
      }
      await cache.purge().catch(() => undefined);
      await realized.prune().catch(() => undefined);
      // While collecting, a venue whose only source is its REST history is topped up from where it last filled.
      if (streams.isRunning()) {
        const before = realized.venueRecords().catch((): VenueRecords => ({}));
        await backfillAll(before, (h) => !LIQUIDATION_STREAMS[h.venue]);
      }
    },
    /** Start-up housekeeping after the worker (re)starts: nothing in memory needs restoring. */
    async startup(): Promise<void> {
      await loadSwitches();
      await cache.purge().catch(() => undefined);
      await realized.prune().catch(() => undefined);
    },
    /** Read-only hooks for E2E tests and the bench: they read IndexedDB and change nothing. Test build only. */
    testHooks: !TEST_BUILD
      ? null
      : {
          dbName: DB_NAME,
          async readSnapshot(market: Market): Promise<{ snapshot: MarketSnapshot; ageMs: number } | null> {
            const hit = await cache.get<MarketSnapshot>('snapshots', snapshotKey(market));
            return hit ? { snapshot: hit.value, ageMs: hit.ageMs } : null;
          },
          /** The same entry read from IndexedDB itself, past the worker's in-memory copy (for the bench). */
          async readSnapshotFromDb(market: Market): Promise<{ snapshot: MarketSnapshot } | null> {
            const entry = await (await db.get()).get('snapshots', snapshotKey(market));
            return entry ? { snapshot: entry.value as MarketSnapshot } : null;
          },
          readRealized: (asset?: string) => realized.summary(asset ? { asset } : {}),
          readRealizedView: () => realizedView(),
          sourceStatus: async () => [...(await status.all()), ...streamStatus()],
          streamsRunning: () => streams.isRunning(),
        },
    streams,
    alerts,
    /** The realized store: `recent({ minutes, venue?, asset?, symbol? })` sums the last n minutes (for alerts). */
    realized,
  };
}

export type Service = ReturnType<typeof createService>;
