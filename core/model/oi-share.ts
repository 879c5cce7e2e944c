import type { Market, VenueId } from '../types';
import type { HeatmapSnapshot } from './types';

export interface VenueOiShare {
  venue: VenueId;
  usd: number;
  /** usd ÷ the modelled venues' summed OI, 0…1. */
  share: number;
  /** Close of the bar the OI point belongs to. */
  time: number;
}

/** One market's modelled OI split by venue, from its latest snapshot. */
export interface ModelOiShares {
  market: Market;
  /** When the heatmap was built. */
  builtAt: number;
  totalUsd: number;
  venues: VenueOiShare[];
}

/** Each modelled venue's share of the OI the heatmap sums, largest first; null when the snapshot carries none. */
export function oiShares(heatmap: Pick<HeatmapSnapshot, 'market' | 'venueOi' | 'provenance'>): ModelOiShares | null {
  const rows = Object.entries(heatmap.venueOi ?? {}).flatMap(([venue, oi]) =>
    oi && Number.isFinite(oi.usd) && oi.usd > 0 ? [{ venue: venue as VenueId, usd: oi.usd, time: oi.time }] : [],
  );
  const totalUsd = rows.reduce((a, r) => a + r.usd, 0);
  if (!(totalUsd > 0)) return null;
  return {
    market: heatmap.market,
    builtAt: heatmap.provenance.fetchedAt,
    totalUsd,
    venues: rows.map((r) => ({ ...r, share: r.usd / totalUsd })).sort((a, b) => b.usd - a.usd),
  };
}
