import type { Market } from '../types';
import type { MarketSnapshot, SourceStatus } from '../messages/protocol';
import type { Settings } from '../settings/settings';
import type { RealizedStore } from '../realized/realized-store';
import type { Cache } from '../cache/cache';
import type { Clock } from '../net/clock';
import { parseUnifiedSymbol } from '../types';
import { heatmapNear } from '../model/heat-near';
import { isCurrentModel } from '../model/format-version';
import type { HeatmapSnapshot } from '../model/types';
import type { Data, Part } from './data';
import { marketKey } from './data';
import type { StatusRecorder } from './status';
import type { VendorFigures } from './vendor-figures';

export interface SnapshotDeps {
  data: Data;
  realized: RealizedStore;
  cache: Cache;
  clock: Clock;
  status: StatusRecorder;
  vendorFigures: VendorFigures;
  streamStatus?: () => SourceStatus[];
}

/** The heatmap without what only the side panel draws (heat history, candles). */
export function withoutChartParts(heatmap: HeatmapSnapshot): HeatmapSnapshot {
  const { history: _history, candles: _candles, ...rest } = heatmap;
  return rest;
}

export const snapshotKey = (m: Market) => `snapshot:${marketKey(m)}`;

/** Why there is no mark: the source error's own sentence, without its source prefix (shown next to it). */
function missingMark(source: string, error: string | null): { source: string; reason: string } {
  const reason = (error ?? 'no answer yet').replace(`${source}: `, '').replace(/\.$/, '');
  return { source, reason: reason.slice(0, 200) };
}

/**
 * Builds the overlay's MarketSnapshot: each part comes from its own cache at once (with its
 * age) and refreshes behind the scenes when stale; realized totals are read from IndexedDB.
 * A failing source leaves its part empty or old, and says so in `sources` — never a throw.
 */
export function createSnapshotAssembler(deps: SnapshotDeps) {
  /** `vendors` false: no keyed vendor call for this market (only cached vendor figures); see market-guard.ts. */
  async function assemble(market: Market, settings: Settings, force = false, options: { vendors?: boolean } = {}): Promise<MarketSnapshot> {
    const mayCall = options.vendors !== false;
    const mark = await deps.data.part(() => deps.data.mark(market, force));
    const price = mark.value?.price;
    const heat: Part<MarketSnapshot['heatmap']> = price
      ? await deps.data.part(() => deps.data.heatmap(market, settings, price, force))
      : { value: null, fetchedAt: null, fresh: false, error: 'no mark price' };
    const asset = parseUnifiedSymbol(market.symbol)?.base;
    let realized: MarketSnapshot['realized'] = null;
    try {
      realized = await deps.realized.summary(asset ? { asset } : {});
    } catch {
      realized = null;
    }
    // The heat history and candles are the side panel's (`chart.get`): they never cross to a trading page.
    const heatmap = heat.value ? { ...withoutChartParts(heat.value), market } : null;
    const [realizedCmp, bandCmp] = await Promise.all([
      deps.vendorFigures.realizedComparisons(market, settings, realized, mayCall).catch(() => []),
      deps.vendorFigures.bandComparisons(market, settings, heatmap, mayCall).catch(() => []),
    ]);
    const sources = [...(await deps.status.all().catch(() => [])), ...(deps.streamStatus?.() ?? [])];
    const times = [mark.fetchedAt, heat.fetchedAt].filter((t): t is number => t !== null);
    const snapshot: MarketSnapshot = {
      market,
      mark: mark.value,
      ...(mark.value ? {} : { markMissing: missingMark(deps.data.markSource(market), mark.error) }),
      // Compared above on the whole grid; the snapshot carries only the heat a page can show.
      heatmap: heatmap ? heatmapNear(heatmap, undefined, mark.value?.price) : null,
      realized,
      comparisons: [...realizedCmp, ...bandCmp],
      sources,
      stale: !mark.fresh || (heat.value !== null && !heat.fresh),
      asOf: times.length ? Math.min(...times) : null,
    };
    // Kept for the offline case and for the E2E bench's timed read.
    await deps.cache.put('snapshots', snapshotKey(market), snapshot).catch(() => undefined);
    return snapshot;
  }
  /**
   * The last assembled snapshot, read once from the cache with no refresh: what the overlay paints
   * first. Past its freshness limit it is marked stale, so it is never shown as current.
   */
  async function cached(market: Market): Promise<MarketSnapshot | null> {
    const hit = await deps.cache.get<MarketSnapshot>('snapshots', snapshotKey(market)).catch(() => null);
    if (!hit || hit.value?.market?.venue !== market.venue || hit.value.market.symbol !== market.symbol) return null;
    // A snapshot whose bands an older model made is not painted: the assembler rebuilds it.
    if (hit.value.heatmap && !isCurrentModel(hit.value.heatmap)) return null;
    return hit.fresh ? hit.value : { ...hit.value, stale: true };
  }
  return { assemble, cached };
}
