import type { VenueId } from '../types';
import type { RealizedBucket } from '../cache/db';
import type { LiquidationEvent, RealizedSummary, RealizedTotals, RealizedWindow } from './types';
import { parseUnifiedSymbol } from '../types';

export const MINUTE = 60_000;
export const WINDOWS: Record<RealizedWindow, number> = { '1h': 3_600_000, '4h': 4 * 3_600_000, '12h': 12 * 3_600_000, '24h': 24 * 3_600_000 };
/** Events older than the longest window are not accepted (nor counted twice: ids are kept that long). */
export const RETENTION_MS = WINDOWS['24h'];
/** Minute buckets are kept a week; single events (and their ids) a day and an hour. */
export const BUCKET_RETENTION_MS = 7 * 24 * 3_600_000;
export const EVENT_RETENTION_MS = RETENTION_MS + 3_600_000;

export const minuteOf = (time: number) => Math.floor(time / MINUTE) * MINUTE;
export const assetOf = (symbol: string) => parseUnifiedSymbol(symbol)?.base ?? symbol.split('/')[0] ?? symbol;

/** No single liquidation is this large; a bigger figure is a unit error or hostile data. */
export const MAX_EVENT_USD = 5e9;

/** Folds events into minute × venue × asset buckets (new or existing ones from `into`). */
export function bucketize(events: readonly LiquidationEvent[], into = new Map<string, RealizedBucket>()): Map<string, RealizedBucket> {
  for (const e of events) {
    if (!(e.usd > 0) || !(e.usd <= MAX_EVENT_USD) || !Number.isFinite(e.time)) continue;
    const minute = minuteOf(e.time);
    const asset = assetOf(e.symbol);
    const key = `${minute}|${e.venue}|${asset}`;
    const b = into.get(key) ?? { minute, venue: e.venue, asset, longUsd: 0, shortUsd: 0, count: 0 };
    if (e.side === 'long') b.longUsd += e.usd;
    else b.shortUsd += e.usd;
    b.count += 1;
    into.set(key, b);
  }
  return into;
}

const emptyTotals = (): RealizedTotals => ({ totalUsd: 0, longUsd: 0, shortUsd: 0, byVenue: {}, byAsset: {} });

/**
 * Rolling totals per window. A bucket counts when its minute started within the window, so a
 * window is at most one minute longer than its name says.
 */
export function summarize(buckets: readonly RealizedBucket[], now: number, collectingSince: number, options: { asset?: string } = {}): RealizedSummary {
  const windows = { '1h': emptyTotals(), '4h': emptyTotals(), '12h': emptyTotals(), '24h': emptyTotals() } as Record<RealizedWindow, RealizedTotals>;
  let newest = 0;
  for (const b of buckets) {
    if (options.asset && b.asset !== options.asset) continue;
    for (const [name, span] of Object.entries(WINDOWS) as [RealizedWindow, number][]) {
      if (b.minute < minuteOf(now - span) || b.minute > now) continue;
      const t = windows[name];
      t.longUsd += b.longUsd;
      t.shortUsd += b.shortUsd;
      t.totalUsd += b.longUsd + b.shortUsd;
      const venue = b.venue as VenueId;
      const v = (t.byVenue[venue] ??= { longUsd: 0, shortUsd: 0 });
      v.longUsd += b.longUsd;
      v.shortUsd += b.shortUsd;
      const a = (t.byAsset[b.asset] ??= { longUsd: 0, shortUsd: 0 });
      a.longUsd += b.longUsd;
      a.shortUsd += b.shortUsd;
    }
    if (b.count > 0) newest = Math.max(newest, b.minute);
  }
  return {
    windows,
    collectingSince,
    lowerBound: true,
    provenance: { source: 'exchange-streams:liquidations', kind: 'realized', access: 'keyless', dataTime: newest, fetchedAt: now },
  };
}
