import type { HandlerTable, SenderInfo } from '../messages/router';
import type { AlertCommand } from './alert-handlers';
import { UserFacingError } from '../messages/router';
import type { SenderKind, SourceStatus } from '../messages/protocol';
import type { RealizedView } from '../realized/types';
import { SourceError } from '../net/errors';
import { keepOverlayMemory, mergeSettings, type Settings } from '../settings/settings';
import { sameData } from '../page/same-reading';
import { venueForPageUrl, type VenueId } from '../venues/registry';
import type { Cache } from '../cache/cache';
import type { VendorClient } from '../vendors/client';
import type { KeyStore } from '../vendors/keys';
import type { Data } from './data';
import type { SettingsStore } from './settings-store';
import type { StatusRecorder } from './status';
import type { ViewedMarkets } from './viewed';
import type { Disagreements } from './disagreements';
import type { createSnapshotAssembler } from './snapshot';
import type { createChartAssembler } from './chart';
import { marketFromUrl } from '../page/market-from-url';
import { oiShares } from '../model/oi-share';
import { createMarketGuard, type MarketGuard } from './market-guard';
import { zh_CN } from '../i18n/catalogs/zh_CN';
import { zh_CNNotes } from '../i18n/catalogs/zh_CN-notes';

export interface HandlerDeps {
  version: string;
  data: Data;
  cache: Cache;
  settings: SettingsStore;
  keys: KeyStore;
  vendors: VendorClient;
  status: StatusRecorder;
  viewed: ViewedMarkets;
  /** Self-check disagreements kept on this device (absent in tests that do not need them). */
  disagreements?: Disagreements;
  snapshots: ReturnType<typeof createSnapshotAssembler>;
  /** Which market a trading page may ask about, how many per minute, and when vendor keys are spent (default: wall clock). */
  guard?: MarketGuard;
  /** The side panel's chart data (absent in tests that do not need it). */
  chart?: ReturnType<typeof createChartAssembler>;
  streamStatus?: () => SourceStatus[];
  /** Called when a vendor key changes, so cached vendor figures are not reused. */
  onVendorKeyChanged?: () => void;
  /** Called after settings are saved (venue switches change which streams run). */
  /** With the saved settings, applied before settings.set answers (no request slips in between). */
  onSettingsChanged?: (saved?: Settings) => void;
  /** The network-wide realized view (absent in tests that do not need it). */
  realizedView?: () => Promise<RealizedView>;
}

/** Source failures reach the user as their own sentence; the router maps UserFacingError to a reply. */
function userFacing<T>(p: Promise<T>): Promise<T> {
  return p.catch((error: unknown) => {
    if (error instanceof SourceError) throw new UserFacingError(error.message, 'source-error');
    if (error instanceof Error && error.name === 'UnsupportedMarket') throw new UserFacingError(error.message, 'source-error');
    throw error;
  });
}

/** Refuses a command about one venue from a content script on another venue's page (or on no page). */
function ownVenuePage(sender: { kind: SenderKind; info: SenderInfo }, venue: VenueId): void {
  const page = sender.kind === 'content' && sender.info.url ? venueForPageUrl(sender.info.url) : null;
  if (page !== venue) throw new UserFacingError(`Not a ${venue} page.`, 'bad-message');
}

/** The background's command table: one handler per command in COMMANDS, nothing else. */
export function createHandlers(deps: HandlerDeps): Omit<HandlerTable, AlertCommand> {
  // Every page open asks for the settings: while the worker lives they are answered from memory.
  // All writes pass through the handlers below, which replace the copy; a new worker reads storage.
  let settingsCopy: Promise<Settings> | null = null;
  const readSettings = (): Promise<Settings> => {
    if (!settingsCopy) {
      const reading = deps.settings.get();
      settingsCopy = reading;
      reading.catch(() => {
        if (settingsCopy === reading) settingsCopy = null;
      });
    }
    return settingsCopy;
  };
  const remember = (saved: Settings): Settings => {
    settingsCopy = Promise.resolve(saved);
    return saved;
  };
  // One settings write at a time, each on the copy the one before left: a form box kept on a page
  // load must not write back a copy read before the options page's save (and undo it).
  let writing: Promise<unknown> = Promise.resolve();
  const writeSettings = (change: (current: Settings) => Settings | null): Promise<Settings | null> => {
    const run = writing.then(async () => {
      const next = change(await readSettings());
      if (!next) return null;
      settingsCopy = null;
      return remember(await deps.settings.set(next));
    });
    writing = run.catch(() => undefined);
    return run;
  };

  const guard = deps.guard ?? createMarketGuard({ now: () => Date.now(), marketOfUrl: marketFromUrl });

  return {
    ping: async () => ({ version: deps.version }),

    'snapshot.get': async ({ market }, sender) => {
      const { stayed } = guard.admit(market, sender);
      // Marking the market as viewed (kept warm by the alarm) runs alongside the assembly; only a
      // market the trader stayed on is kept warm, so a page cycling through markets adds none.
      const touched = stayed ? deps.viewed.touch(market).catch(() => undefined) : undefined;
      const snapshot = await deps.snapshots.assemble(market, await readSettings(), false, { vendors: stayed });
      await touched;
      return snapshot;
    },

    'overlay.open': async ({ market: asked }, sender) => {
      // Without a market named, the content script means its own page's: the browser-set sender
      // URL says which (so the content script's first file needs no URL rules of its own).
      let market = asked ?? (sender.kind === 'content' && sender.info.url ? marketFromUrl(sender.info.url) : null);
      // A market refused (not the page's own, too many this minute) costs the page its cached
      // snapshot, never its settings (which decide whether the overlay shows on this site at all).
      try {
        if (market) guard.admit(market, sender);
      } catch {
        market = null;
      }
      // A bad cached record likewise costs only the cached snapshot.
      const [settings, cached] = await Promise.all([readSettings(), market ? deps.snapshots.cached(market).catch(() => null) : null]);
      return { settings, cached };
    },

    'i18n.catalog': async () => ({ messages: zh_CN, notes: zh_CNNotes }),

    'tiers.get': async ({ market }, sender) => {
      guard.admit(market, sender);
      return userFacing(deps.data.tiers(market).then((r) => r.value));
    },

    'chart.get': async ({ market, lookbackHours }) => {
      if (!deps.chart) throw new UserFacingError('The chart is not available.', 'internal');
      const touched = deps.viewed.touch(market).catch(() => undefined);
      const chart = await deps.chart(market, await readSettings(), lookbackHours);
      await touched;
      return chart;
    },

    'instrument.get': async ({ market }, sender) => {
      guard.admit(market, sender);
      return userFacing(deps.data.instrument(market).then((r) => r.value));
    },

    'markets.list': ({ venue }) => userFacing(deps.data.markets(venue).then((r) => r.value)),

    'settings.get': () => readSettings(),

    'settings.set': async ({ settings }) => {
      const saved = (await writeSettings((current) => keepOverlayMemory(settings, current)))!;
      deps.onSettingsChanged?.(saved);
      return saved;
    },

    'overlay.position': async ({ venue, x, y }, sender) => {
      // A trading page moves only its own venue's overlay.
      if (sender.kind === 'content') ownVenuePage(sender, venue);
      return (await writeSettings((current) => mergeSettings(current, { overlayPositions: { ...(current.overlayPositions ?? {}), [venue]: { x, y } } })))!;
    },

    'overlay.formBox': async ({ venue, formBox }, sender) => {
      // Only the venue's own page keeps its box.
      ownVenuePage(sender, venue);
      const saved = await writeSettings((current) => {
        const kept = current.overlayFormBoxes?.[venue];
        return kept && sameData(kept, formBox) ? null : mergeSettings(current, { overlayFormBoxes: { ...(current.overlayFormBoxes ?? {}), [venue]: formBox } });
      });
      return { saved: saved !== null };
    },

    'vendor.setKey': async ({ vendor, key }) => {
      await deps.keys.set(vendor, key);
      deps.onVendorKeyChanged?.();
      return { saved: true as const };
    },

    'vendor.test': async ({ vendor }) => {
      const result = await deps.vendors.test(vendor);
      // A real call: its outcome is the vendor's latest success or error on the options page.
      const source = `${vendor}:connection-test`;
      await (result.ok ? deps.status.ok(source) : deps.status.failed(source, new SourceError('http', source, result.message))).catch(() => undefined);
      return result;
    },

    'sources.status': async () => [...(await deps.status.all()), ...(deps.streamStatus?.() ?? [])],

    'selfcheck.record': async ({ market, ...row }, sender) => {
      // Only for the sending page's own market: a page cannot file rows under another.
      const own = sender.kind === 'content' && sender.info.url ? marketFromUrl(sender.info.url) : null;
      if (!own || own.venue !== market.venue || own.symbol !== market.symbol) throw new UserFacingError("not this page's market", 'forbidden');
      await deps.disagreements?.add({ market, ...row });
      return { kept: true as const };
    },

    'selfcheck.list': async ({ market }, sender) => {
      guard.admit(market, sender);
      return (await deps.disagreements?.list(market)) ?? [];
    },

    'model.shares': async () => {
      const shares = await Promise.all(
        (await deps.viewed.list()).map(async ({ market }) => {
          const cached = await deps.snapshots.cached(market).catch(() => null);
          return cached?.heatmap ? oiShares(cached.heatmap) : null;
        }),
      );
      return shares.filter((s): s is NonNullable<typeof s> => s !== null);
    },

    'realized.view': async () => {
      if (!deps.realizedView) throw new UserFacingError('realized liquidations are not collected here', 'internal');
      return deps.realizedView();
    },

    'cache.clear': async () => {
      // Collected realized buckets are not a cache (they cannot be fetched again), so they stay.
      await deps.cache.clear();
      await deps.status.clear();
      return { cleared: true as const };
    },
  };
}
