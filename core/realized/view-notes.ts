import type { MessageKey } from '../i18n/i18n';
import type { RealizedTotals, VenueCoverage } from './types';

/** One line of what a figure covers, as a catalog key with its parameters; times are formatted by the page. */
export interface CoverageNote {
  key: string;
  venue: string;
  kind: 'full' | 'since' | 'never' | 'gap' | 'backfill' | 'sampled' | 'reconnecting' | 'off' | 'no-feed';
  message: MessageKey;
  params: Record<string, string>;
  /** Epoch ms to show as local clock times under these names. */
  times?: Record<string, number>;
}

/**
 * What a window's figures cover, venue by venue: "Binance since 09:14", "OKX 24h", "no data
 * 03:10–03:25 for Bybit", what REST history filled, which feeds are sampled, and the venues that
 * are off or publish nothing.
 */
export function coverageNotes(
  venues: readonly VenueCoverage[],
  now: number,
  windowMs: number,
  windowName = `${Math.round(windowMs / 3_600_000)}h`,
): CoverageNote[] {
  const notes: CoverageNote[] = [];
  const start = now - windowMs;
  for (const v of venues) {
    const note = (kind: CoverageNote['kind'], message: MessageKey, params: Record<string, string> = {}, times?: Record<string, number>, n = 0) =>
      notes.push({ key: `${v.venue}:${kind}:${n}`, venue: v.venue, kind, message, params, ...(times ? { times } : {}) });
    if (v.feed === 'none') {
      note('no-feed', 'liqVenueNoFeed', { reason: v.reason ?? '' });
      continue;
    }
    if (!v.enabled) {
      note('off', 'liqVenueOff');
      continue;
    }
    if (v.since === null) note('never', 'liqVenueNever');
    else if (v.since <= start) note('full', 'liqVenueFull', { window: windowName });
    else note('since', 'liqVenueSince', {}, { time: v.since });
    v.gaps.filter((g) => g.to > start).forEach((g, i) => note('gap', 'liqVenueGap', {}, { from: Math.max(g.from, start), to: g.to }, i));
    if (v.backfill && v.backfill.span.to > start)
      note('backfill', 'liqVenueBackfill', { families: v.backfill.families.join(', ') }, { time: Math.max(v.backfill.span.from, start) });
    if (v.sampled) note('sampled', 'liqVenueSampled', { note: v.sampled });
    if (v.state === 'reconnecting') note('reconnecting', 'liqVenueReconnecting');
  }
  return notes;
}

/** BTC, ETH, then everything else summed as '*' ("the rest"). */
export function splitAssets(byAsset: RealizedTotals['byAsset']): { asset: string; longUsd: number; shortUsd: number }[] {
  const rest = { asset: '*', longUsd: 0, shortUsd: 0 };
  const out = ['BTC', 'ETH'].map((asset) => ({ asset, longUsd: byAsset[asset]?.longUsd ?? 0, shortUsd: byAsset[asset]?.shortUsd ?? 0 }));
  for (const [asset, v] of Object.entries(byAsset)) {
    if (asset === 'BTC' || asset === 'ETH') continue;
    rest.longUsd += v.longUsd;
    rest.shortUsd += v.shortUsd;
  }
  return [...out, rest];
}
