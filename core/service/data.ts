import { parseUnifiedSymbol, type Market, type VenueId } from '../types';
import { descriptorOf, MODEL_VENUE_IDS } from '../venues/descriptors';
import type { InstrumentInfo, MarkPrice } from '../messages/protocol';
import type { TierTable } from '../liquidation/types';
import type { HeatmapSnapshot } from '../model/types';
import type { Settings } from '../settings/settings';
import type { Cache, SwrResult } from '../cache/cache';
import type { Fetcher } from '../net/fetcher';
import type { Clock } from '../net/clock';
import type { Endpoint, Kline, OpenInterestPoint, VenueMarketData } from '../net/market-data';
import { UnsupportedMarket, withTakerVolume } from '../net/market-data';
import { SourceError } from '../net/errors';
import type { TierSource } from '../liquidation/tier-source';
import type { StatusRecorder } from './status';
import { buildHeatmap as defaultBuildHeatmap, type HeatmapRequest } from './model-bridge';
import { isCurrentModel } from '../model/format-version';

/**
 * The venues the heatmap of `market` sums: the key-less set switched on in the options, plus the
 * open page's own venue whenever it publishes the open interest the model needs.
 */
export function modelVenues(market: Market, settings: Settings): VenueId[] {
  return MODEL_VENUE_IDS.filter((v) => settings.keylessVenues[v] || v === market.venue);
}

export interface DataDeps {
  fetcher: Fetcher;
  cache: Cache;
  clock: Clock;
  status: StatusRecorder;
  marketData: Record<VenueId, VenueMarketData>;
  tierSources: Record<VenueId, TierSource>;
  bundledTiers: (market: Market) => TierTable | null;
  buildHeatmap?: (req: HeatmapRequest) => HeatmapSnapshot | null;
}

/** A part of a snapshot: its value (maybe from cache), how old, and the error of the last refresh. */
export interface Part<T> {
  value: T | null;
  fetchedAt: number | null;
  fresh: boolean;
  error: string | null;
}

export const marketKey = (m: Market) => `${m.venue}:${m.symbol}`;
const MODEL_INTERVAL = '1h' as const;

/**
 * The background's data access: every public call goes through the fetcher, every result
 * through the cache (stale-while-revalidate), and every success or failure into source status.
 */
export function createData(deps: DataDeps) {
  const build = deps.buildHeatmap ?? defaultBuildHeatmap;

  async function fetchEndpoint<T>(endpoint: Endpoint<T>): Promise<T> {
    try {
      const value = await deps.fetcher.get(endpoint.request, (json: unknown) => endpoint.parse(json), { source: endpoint.source });
      void deps.status.ok(endpoint.source);
      return value;
    } catch (error) {
      void deps.status.failed(endpoint.source, error);
      throw error;
    }
  }

  /** Runs a cached load; a failure with nothing cached becomes an empty part with the error. */
  async function part<T>(run: () => Promise<SwrResult<T>>): Promise<Part<T>> {
    try {
      const r = await run();
      if (r.refresh) r.refresh.catch(() => undefined);
      return { value: r.value, fetchedAt: r.fetchedAt, fresh: r.fresh, error: null };
    } catch (error) {
      return { value: null, fetchedAt: null, fresh: false, error: error instanceof Error ? error.message : 'failed' };
    }
  }

  function mark(market: Market, force = false) {
    return deps.cache.swr<MarkPrice>(
      'snapshots',
      `mark:${marketKey(market)}`,
      async () => {
        const fetchedAt = deps.clock.now();
        const m = await fetchEndpoint(deps.marketData[market.venue].mark(market.symbol));
        // Some venues' tickers carry no time: the price is as of our fetch.
        return { ...m, time: Number.isFinite(m.time) ? m.time : fetchedAt };
      },
      { force },
    );
  }

  /** The name of the source a market's mark price comes from, for "no independent mark price: <source> <reason>". */
  function markSource(market: Market): string {
    try {
      return deps.marketData[market.venue].mark(market.symbol).source;
    } catch {
      return `${market.venue}:mark`;
    }
  }

  function instrument(market: Market) {
    return deps.cache.swr<InstrumentInfo>('instruments', marketKey(market), async () => {
      const info = await fetchEndpoint(deps.marketData[market.venue].instrument(market.symbol));
      return { ...info, asOf: deps.clock.now() };
    });
  }

  function markets(venue: VenueId) {
    return deps.cache.swr<Market[]>('markets', venue, () => fetchEndpoint(deps.marketData[venue].markets()));
  }

  /** The live table when the venue publishes one, else the bundled table, saying why in `source`. */
  function tiers(market: Market) {
    return deps.cache.swr<TierTable>('tiers', marketKey(market), async () => {
      const source = deps.tierSources[market.venue];
      const bundled = deps.bundledTiers(market);
      let reason = 'the venue has no public tier endpoint';
      const request = source.request(market);
      if (request) {
        const label = `${market.venue}:tiers`;
        try {
          const json = await deps.fetcher.json(request, { source: label });
          const table = source.parse(json, market, deps.clock.now());
          void deps.status.ok(label);
          return table;
        } catch (error) {
          void deps.status.failed(label, error);
          reason = error instanceof Error ? error.message : 'the live table failed';
        }
      }
      if (!bundled) throw new SourceError('unsupported', `${market.venue}:tiers`, `No tier table for ${market.symbol} on ${market.venue}: ${reason}.`);
      return { ...bundled, source: `${bundled.source} — used because ${reason}` };
    });
  }

  async function series(venue: VenueId, symbol: string, lookbackDays: number): Promise<{ bars: Kline[]; oi: OpenInterestPoint[] } | null> {
    const md = deps.marketData[venue];
    if (!md.klines || !md.openInterestHistory || !descriptorOf(venue).symbols.toId(symbol)) return null;
    const hours = Math.min(1500, lookbackDays * 24);
    const [bars, oi, taker] = await Promise.all([
      fetchEndpoint(md.klines(symbol, MODEL_INTERVAL, hours, deps.clock.now())),
      fetchEndpoint(md.openInterestHistory(symbol, MODEL_INTERVAL, hours)),
      // Optional: without it the model splits those bars by candle colour.
      md.takerBuyVolume ? fetchEndpoint(md.takerBuyVolume(symbol, MODEL_INTERVAL, hours)).catch(() => []) : Promise.resolve([]),
    ]);
    return { bars: taker.length ? withTakerVolume(bars, taker) : bars, oi };
  }

  /** First-tier maintenance rate for the model; from the cached/bundled tier table. */
  async function firstTierMmr(market: Market): Promise<number | null> {
    try {
      const t = (await tiers(market)).value;
      const mmr = t.tiers[0]?.mmr;
      return mmr !== undefined && mmr > 0 && mmr < 0.5 ? mmr : null;
    } catch {
      return null;
    }
  }

  /**
   * The key-less heatmap for the coin of `market`, over the enabled model venues' USDT swaps,
   * priced from `price`. Cached per coin and settings.
   */
  async function heatmap(market: Market, settings: Settings, price: number, force = false): Promise<SwrResult<HeatmapSnapshot | null>> {
    const coin = parseUnifiedSymbol(market.symbol)?.base ?? market.symbol;
    const venues = modelVenues(market, settings);
    const key = `heatmap:${coin}:${settings.leveragePreset}:${settings.lookbackDays}:${settings.bandWindowPct}:${venues.join(',')}`;
    const load = async () => {
      const symbol = `${coin}/USDT:USDT`;
      const loaded = await Promise.allSettled(
        venues.map(async (venue) => {
          const s = await series(venue, symbol, settings.lookbackDays);
          if (!s) return null;
          const mmr = (await firstTierMmr({ venue, symbol })) ?? 0.005;
          return { venue, mmr, ...s };
        }),
      );
      const usable = loaded.flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []));
      if (usable.length === 0) {
        const first = loaded.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (first && !(first.reason instanceof UnsupportedMarket)) throw first.reason;
        return null;
      }
      return build({
        market,
        preset: settings.leveragePreset,
        interval: MODEL_INTERVAL,
        lookbackDays: settings.lookbackDays,
        windowPct: settings.bandWindowPct,
        price,
        now: deps.clock.now(),
        venues: usable,
      });
    };
    const cached = await deps.cache.swr<HeatmapSnapshot | null>('model', key, load, { force });
    if (cached.value === null || isCurrentModel(cached.value)) return cached;
    // Made by an older model (the cache keeps it up to two days): rebuilt now and never shown.
    const again = await deps.cache.swr<HeatmapSnapshot | null>('model', key, load, { force: true });
    const value = again.refresh ? await again.refresh : again.value;
    if (value !== null && !isCurrentModel(value)) throw new Error('the heatmap was made by another model version');
    return { value, fetchedAt: deps.clock.now(), ageMs: 0, fresh: true, refresh: null };
  }

  return { fetchEndpoint, part, mark, markSource, instrument, markets, tiers, heatmap };
}

export type Data = ReturnType<typeof createData>;
