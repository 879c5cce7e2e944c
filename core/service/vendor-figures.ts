import { parseUnifiedSymbol, type Market, type VenueId } from '../types';
import type { Settings } from '../settings/settings';
import type { Cache } from '../cache/cache';
import type { Clock } from '../net/clock';
import type { VendorClient } from '../vendors/client';
import type { KeyStore } from '../vendors/keys';
import type { StatusRecorder } from './status';
import type { RealizedSummary, RealizedWindow, SourceComparison } from '../realized/types';
import type { HeatmapSnapshot } from '../model/types';
import { SourceError } from '../net/errors';
import { aggregatedMap, exchangeList } from '../vendors/coinglass';
import { futureMarkets, liquidationHistory } from '../vendors/coinalyze';
import { coinIntervals, pairHistory, sumHours, symbols as coinankSymbols, usdtPerpetual, type CoinankCoinTotals } from '../vendors/coinank';
import { DESCRIPTOR_LIST } from '../venues/descriptors';
import { compareBandLocations, compareRealized, type RealizedFigures } from '../realized/compare';
import { WINDOWS } from '../realized/totals';

/** Venues whose realized liquidations our own streams collect. */
const STREAM_VENUES = DESCRIPTOR_LIST.filter((v) => v.capabilities.liquidationStream === true);
const VENDOR_FRESH_MS = 5 * 60_000;
/** Pair lists change rarely: one request a day per exchange. */
const SYMBOLS_FRESH_MS = 24 * 3600_000;
const HOUR = 3600_000;

/** The longest window our own collection fully covers: comparing a partial window would be unfair. */
export function coveredWindow(summary: RealizedSummary | null, now: number): RealizedWindow | null {
  if (!summary) return null;
  for (const w of ['24h', '12h', '4h', '1h'] as const) if (summary.collectingSince <= now - WINDOWS[w]) return w;
  return null;
}

/**
 * Cross-source figures for one market's coin: vendor realized totals per venue against our own
 * streams over a window we fully covered, and vendor map peaks against the model's bands.
 * Plan refusals are remembered for a day so a low plan costs one request, not one per refresh.
 */
export function createVendorFigures(deps: { vendors: VendorClient; keys: KeyStore; cache: Cache; clock: Clock; status: StatusRecorder }) {
  const deniedUntil = new Map<string, number>();

  /** `mayCall` false: only what is already cached (the trader has not stayed on the market; core/service/market-guard.ts). */
  async function cached<T>(key: string, source: string, load: () => Promise<T>, mayCall = true, freshMs = VENDOR_FRESH_MS): Promise<T | null> {
    if ((deniedUntil.get(source) ?? 0) > deps.clock.now()) return null;
    if (!mayCall) return (await deps.cache.get<T>('snapshots', key).catch(() => null))?.value ?? null;
    try {
      const r = await deps.cache.swr<T>('snapshots', key, load, { freshMs });
      r.refresh?.catch(() => undefined);
      return r.value;
    } catch (error) {
      if (error instanceof SourceError && (error.kind === 'plan' || error.kind === 'permission' || error.kind === 'no-key'))
        deniedUntil.set(source, deps.clock.now() + 24 * 3600_000);
      await deps.status.failed(source, error).catch(() => undefined);
      return null;
    }
  }

  async function realizedComparisons(market: Market, settings: Settings, own: RealizedSummary | null, mayCall = true): Promise<SourceComparison[]> {
    const now = deps.clock.now();
    const window = coveredWindow(own, now);
    const coin = parseUnifiedSymbol(market.symbol)?.base;
    if (!window || !coin || !own) return [];
    const perVenue = new Map<VenueId, RealizedFigures[]>();
    for (const {
      basics: { id: v },
    } of STREAM_VENUES) {
      const t = own.windows[window].byVenue[v];
      if (t) perVenue.set(v, [{ source: 'liqlens:exchange-streams', longUsd: t.longUsd, shortUsd: t.shortUsd, totalUsd: t.longUsd + t.shortUsd }]);
    }
    if (settings.vendors.coinglass && (await deps.keys.has('coinglass'))) {
      const rows = await cached(
        `vendor:coinglass:exchange-list:${coin}:${window}`,
        'coinglass:exchange-list',
        async () => {
          const r = await deps.vendors.call('coinglass', exchangeList(coin, window));
          void deps.status.ok('coinglass:exchange-list');
          return r;
        },
        mayCall,
      );
      for (const {
        basics: { id: venue },
        vendorNames,
      } of STREAM_VENUES) {
        const row = vendorNames.coinglass ? rows?.find((r) => r.exchange.toLowerCase() === vendorNames.coinglass!.toLowerCase()) : undefined;
        if (row && perVenue.has(venue))
          perVenue.get(venue)!.push({ source: 'coinglass:exchange-list', longUsd: row.longUsd, shortUsd: row.shortUsd, totalUsd: row.totalUsd });
      }
    }
    if (settings.vendors.coinalyze && (await deps.keys.has('coinalyze'))) {
      const list = await cached('vendor:coinalyze:future-markets', 'coinalyze:future-markets', () => deps.vendors.call('coinalyze', futureMarkets()), mayCall);
      const symbols = new Map<string, VenueId>();
      for (const {
        basics: { id: v },
        vendorNames,
      } of STREAM_VENUES) {
        const m = vendorNames.coinalyze
          ? list?.find((x) => x.exchange === vendorNames.coinalyze && x.baseAsset === coin && x.quoteAsset === 'USDT')
          : undefined;
        if (m) symbols.set(m.symbol, v);
      }
      if (symbols.size) {
        const hours = WINDOWS[window] / 3600_000;
        const to = Math.floor(now / 3600_000) * 3600_000;
        const history = await cached(
          `vendor:coinalyze:liq:${[...symbols.keys()].join(',')}:${window}`,
          'coinalyze:liquidation-history',
          async () => {
            const r = await deps.vendors.call('coinalyze', liquidationHistory([...symbols.keys()], to - hours * 3600_000, to));
            void deps.status.ok('coinalyze:liquidation-history');
            return r;
          },
          mayCall,
        );
        for (const h of history ?? []) {
          const venue = symbols.get(h.symbol);
          if (!venue || !perVenue.has(venue)) continue;
          const longUsd = h.history.reduce((a, x) => a + x.longUsd, 0);
          const shortUsd = h.history.reduce((a, x) => a + x.shortUsd, 0);
          perVenue.get(venue)!.push({ source: 'coinalyze:liquidation-history', longUsd, shortUsd, totalUsd: longUsd + shortUsd });
        }
      }
    }
    if (settings.vendors.coinank && (await deps.keys.has('coinank'))) {
      const hours = WINDOWS[window] / HOUR;
      const to = Math.floor(now / HOUR) * HOUR;
      for (const {
        basics: { id: venue },
        vendorNames,
      } of STREAM_VENUES) {
        const exchange = vendorNames.coinank;
        if (!exchange || !perVenue.has(venue)) continue;
        const list = await cached(
          `vendor:coinank:symbols:${exchange}`,
          'coinank:symbols',
          () => deps.vendors.call('coinank', coinankSymbols(exchange)),
          mayCall,
          SYMBOLS_FRESH_MS,
        );
        const symbol = list ? usdtPerpetual(list, coin) : null;
        if (!symbol) continue;
        // endTime must be close to now (CoinAnk code -7): ask up to now, keep the complete hours.
        const rows = await cached(
          `vendor:coinank:liq:${exchange}:${symbol}:${window}:${to}`,
          'coinank:liquidation-history',
          async () => {
            const r = await deps.vendors.call('coinank', pairHistory(exchange, symbol, now, hours + 1));
            void deps.status.ok('coinank:liquidation-history');
            return r;
          },
          mayCall,
        );
        const sum = rows ? sumHours(rows, to - hours * HOUR, to) : null;
        // Fewer bars than hours means CoinAnk has a hole there: a partial sum would read as a real disagreement.
        if (!sum || sum.hours !== hours) continue;
        perVenue
          .get(venue)!
          .push({ source: 'coinank:liquidation-history', longUsd: sum.longUsd, shortUsd: sum.shortUsd, totalUsd: sum.longUsd + sum.shortUsd });
      }
    }
    return [...perVenue.entries()].flatMap(([venue, figures]) => (figures.length > 1 ? compareRealized(`${window} ${coin} on ${venue}:`, figures) : []));
  }

  async function bandComparisons(market: Market, settings: Settings, heatmap: HeatmapSnapshot | null, mayCall = true): Promise<SourceComparison[]> {
    const coin = parseUnifiedSymbol(market.symbol)?.base;
    if (!heatmap || !coin || !settings.vendors.coinglass || !(await deps.keys.has('coinglass'))) return [];
    const levels = await cached(
      `vendor:coinglass:aggregated-map:${coin}:7d`,
      'coinglass:aggregated-map',
      () => deps.vendors.call('coinglass', aggregatedMap(coin, '7d')),
      mayCall,
    );
    if (!levels) return [];
    return compareBandLocations(
      heatmap.price,
      { source: heatmap.provenance.source, bands: heatmap.bands },
      [{ source: 'coinglass:aggregated-map:7d', levels }],
      settings.bandWindowPct,
    );
  }

  /**
   * CoinAnk's network-wide totals for one coin (every exchange it tracks, 1 h and 24 h, plus its
   * largest single liquidation), for views that show vendor figures beside our own. Null without a
   * key, when switched off, or when CoinAnk failed (the failure is in the source status).
   */
  async function coinankCoinTotals(coin: string, settings: Settings, mayCall = true): Promise<(CoinankCoinTotals & { fetchedAt: number }) | null> {
    if (!settings.vendors.coinank || !(await deps.keys.has('coinank'))) return null;
    return cached(
      `vendor:coinank:coin-intervals:${coin}`,
      'coinank:coin-intervals',
      async () => {
        const r = await deps.vendors.call('coinank', coinIntervals(coin));
        void deps.status.ok('coinank:coin-intervals');
        // Kept with the answer so the view can say how old the figure is.
        return { ...r, fetchedAt: deps.clock.now() };
      },
      mayCall,
    );
  }

  return { realizedComparisons, bandComparisons, coinankCoinTotals };
}

export type VendorFigures = ReturnType<typeof createVendorFigures>;
