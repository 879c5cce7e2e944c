import type { Clock } from '../net/clock';
import type { DbHandle, RealizedBucket, StoredLiquidation } from '../cache/db';
import { isQuotaError } from '../cache/cache';
import type { VenueId } from '../types';
import type { LiquidationEvent, RealizedSummary, Span } from './types';
import { assetOf, bucketize, BUCKET_RETENTION_MS, EVENT_RETENTION_MS, MAX_EVENT_USD, minuteOf, RETENTION_MS, summarize } from './totals';
import { liquidationId } from './event-id';
import { addCoverage, extendCoverage, trimCoverage } from './coverage';

/** How long the streams may be silent before we count it as a gap in coverage. */
export const COVERAGE_GAP_MS = 3 * 60_000;

interface Coverage {
  /** Start of the current uninterrupted collection run. */
  since: number;
  /** Last time collection was known to be running. */
  alive: number;
}

const COVERAGE_KEY = 'realized.coverage';
const VENUES_KEY = 'realized.venues';

/** Per venue: when its stream delivered, and what its REST history filled in. */
export interface VenueRecord {
  spans: Span[];
  backfill?: { span: Span; families: string[] };
}
export type VenueRecords = Partial<Record<VenueId, VenueRecord>>;

/** Sums over a recent stretch, for a venue and/or an asset or one market (the alerts' query). */
export interface RecentQuery {
  minutes: number;
  venue?: VenueId;
  asset?: string;
  /** A unified symbol: only that market (read from the single events, kept a day). */
  symbol?: string;
}
export interface RecentTotals {
  longUsd: number;
  shortUsd: number;
  count: number;
  /** Start of the stretch summed (whole minutes). */
  from: number;
}

const finiteSpan = (v: unknown): v is Span => {
  const s = v as Span | null;
  return !!s && typeof s === 'object' && Number.isFinite(s.from) && Number.isFinite(s.to) && s.to >= s.from;
};

/** What IndexedDB gave back, kept only where it has the right shape (a bad row costs coverage, never a throw). */
function validRecords(value: unknown): VenueRecords {
  const out: VenueRecords = {};
  if (!value || typeof value !== 'object') return out;
  for (const [venue, r] of Object.entries(value as Record<string, VenueRecord>)) {
    if (!r || !Array.isArray(r.spans)) continue;
    const rec: VenueRecord = { spans: r.spans.filter(finiteSpan) };
    if (r.backfill && finiteSpan(r.backfill.span) && Array.isArray(r.backfill.families))
      rec.backfill = { span: r.backfill.span, families: r.backfill.families.filter((f) => typeof f === 'string') };
    out[venue as VenueId] = rec;
  }
  return out;
}

/**
 * Realized-liquidation minute buckets in IndexedDB, so totals survive a killed service worker:
 * nothing is kept only in memory. Writes merge into existing buckets in one transaction.
 */
export function createRealizedStore(handle: DbHandle, clock: Clock, options: { freeSpace?: () => Promise<unknown> } = {}) {
  let writes = Promise.resolve();

  /** Adds events; serialised so two batches never read-modify-write the same bucket at once. */
  function record(events: readonly LiquidationEvent[]): Promise<void> {
    const cutoff = clock.now() - RETENTION_MS;
    const fresh = events.filter((e) => e.time >= cutoff && e.time <= clock.now() + 60_000);
    if (fresh.length === 0) return writes;
    const write = async () => {
      const db = await handle.get();
      const tx = db.transaction(['realized', 'realized-events'], 'readwrite');
      const buckets = tx.objectStore('realized');
      const singles = tx.objectStore('realized-events');
      // The same order seen twice (reconnect, backfill overlapping the stream) counts once.
      const batch = new Map<string, LiquidationEvent>();
      for (const e of fresh) if (e.usd > 0 && e.usd <= MAX_EVENT_USD && Number.isFinite(e.time)) batch.set(liquidationId(e), e);
      const seen = await Promise.all([...batch.keys()].map((id) => singles.getKey(id)));
      const added: LiquidationEvent[] = [];
      let k = 0;
      for (const [id, e] of batch) {
        if (seen[k++] !== undefined) continue;
        added.push(e);
        singles.put({ ...e, id } as StoredLiquidation).catch(() => undefined);
      }
      const incoming = bucketize(added);
      const existing = await Promise.all([...incoming.values()].map((b) => buckets.get([b.minute, b.venue, b.asset])));
      let i = 0;
      for (const b of incoming.values()) {
        const old = existing[i++];
        const merged: RealizedBucket = old ? { ...b, longUsd: old.longUsd + b.longUsd, shortUsd: old.shortUsd + b.shortUsd, count: old.count + b.count } : b;
        // A failed put also fails tx.done, which is what we await and handle.
        buckets.put(merged).catch(() => undefined);
      }
      await tx.done;
    };
    // A full disk: make room by evicting the oldest cached market data (refetchable), retry once.
    const next = writes.then(() =>
      write().catch(async (error: unknown) => {
        if (!isQuotaError(error) || !options.freeSpace) throw error;
        await options.freeSpace();
        await write();
      }),
    );
    writes = next.catch(() => undefined);
    return next;
  }

  async function coverage(): Promise<Coverage | null> {
    const row = await (await handle.get()).get('meta', COVERAGE_KEY);
    const v = row?.value as Coverage | undefined;
    return v && Number.isFinite(v.since) && Number.isFinite(v.alive) ? v : null;
  }

  /** Called while streams are connected; a silence longer than COVERAGE_GAP_MS starts a new run. */
  async function markAlive(): Promise<Coverage> {
    const now = clock.now();
    const db = await handle.get();
    const prev = await coverage();
    const next = prev && now - prev.alive <= COVERAGE_GAP_MS ? { since: prev.since, alive: now } : { since: now, alive: now };
    await db.put('meta', { key: COVERAGE_KEY, value: next });
    return next;
  }

  /** Runs `change` on the venue records in one transaction, queued behind the event writes. */
  function updateVenues(change: (records: VenueRecords) => VenueRecords): Promise<VenueRecords> {
    const run = writes.then(async () => {
      const db = await handle.get();
      const tx = db.transaction('meta', 'readwrite');
      const row = await tx.store.get(VENUES_KEY);
      const next = change(validRecords(row?.value));
      await tx.store.put({ key: VENUES_KEY, value: next });
      await tx.done;
      return next;
    });
    writes = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Called while a venue's stream delivers (its keepalive answers count): extends its coverage to now. */
  function markVenueAlive(venue: VenueId): Promise<VenueRecords> {
    const now = clock.now();
    return updateVenues((r) => ({
      ...r,
      [venue]: { ...r[venue], spans: trimCoverage(extendCoverage(r[venue]?.spans ?? [], now, COVERAGE_GAP_MS), now - BUCKET_RETENTION_MS) },
    }));
  }

  /**
   * A REST history filled `span` for these instrument families (only those: the view says which).
   * `asCoverage`: for a venue with no stream, the history is its only collection, so the span also
   * joins its coverage spans (since when, and its gaps).
   */
  function markBackfilled(venue: VenueId, span: Span, families: string[], opts: { asCoverage?: boolean } = {}): Promise<VenueRecords> {
    const now = clock.now();
    return updateVenues((r) => {
      const prev = r[venue]?.backfill;
      const merged =
        prev && prev.span.to >= span.from - COVERAGE_GAP_MS ? { from: Math.min(prev.span.from, span.from), to: Math.max(prev.span.to, span.to) } : span;
      const spans = r[venue]?.spans ?? [];
      return {
        ...r,
        [venue]: {
          spans: opts.asCoverage ? trimCoverage(addCoverage(spans, span, COVERAGE_GAP_MS), now - BUCKET_RETENTION_MS) : spans,
          backfill: { span: merged, families },
        },
      };
    });
  }

  async function venueRecords(): Promise<VenueRecords> {
    await writes;
    return validRecords((await (await handle.get()).get('meta', VENUES_KEY))?.value);
  }

  /**
   * Long/short USD over the last `minutes` (whole minutes, the current one included), for a venue,
   * an asset or one market: what a "cascade under way" check asks. Market-level sums read the single
   * events, so they reach back a day at most.
   */
  async function recent(query: RecentQuery): Promise<RecentTotals> {
    await writes;
    const now = clock.now();
    const from = minuteOf(now - Math.max(1, Math.min(query.minutes, BUCKET_RETENTION_MS / 60_000)) * 60_000 + 60_000);
    const db = await handle.get();
    const out: RecentTotals = { longUsd: 0, shortUsd: 0, count: 0, from };
    if (query.symbol) {
      for (const e of await db.getAllFromIndex('realized-events', 'by-time', IDBKeyRange.lowerBound(from))) {
        if (e.symbol !== query.symbol || (query.venue && e.venue !== query.venue)) continue;
        if (e.side === 'long') out.longUsd += e.usd;
        else out.shortUsd += e.usd;
        out.count++;
      }
      return out;
    }
    for (const b of await db.getAllFromIndex('realized', 'by-minute', IDBKeyRange.lowerBound(from))) {
      if ((query.venue && b.venue !== query.venue) || (query.asset && b.asset !== query.asset)) continue;
      out.longUsd += b.longUsd;
      out.shortUsd += b.shortUsd;
      out.count += b.count;
    }
    return out;
  }

  /** The largest single liquidations since `since` (at most a day back), largest first. */
  async function largest(count: number, since: number, options: { asset?: string } = {}): Promise<LiquidationEvent[]> {
    await writes;
    const rows = await (await handle.get()).getAllFromIndex('realized-events', 'by-time', IDBKeyRange.lowerBound(since));
    return rows
      .filter((e) => !options.asset || assetOf(e.symbol) === options.asset)
      .sort((a, b) => b.usd - a.usd)
      .slice(0, count)
      .map(({ id: _id, ...e }) => e);
  }

  async function summary(options: { asset?: string } = {}): Promise<RealizedSummary | null> {
    await writes;
    const now = clock.now();
    const db = await handle.get();
    const cov = await coverage();
    if (!cov) return null;
    const buckets = await db.getAllFromIndex('realized', 'by-minute', IDBKeyRange.lowerBound(minuteOf(now - RETENTION_MS)));
    return summarize(buckets, now, cov.since, options);
  }

  /** One asset's minute buckets since `from` (all venues), for the side panel's marks. */
  async function bucketsOf(asset: string, from: number): Promise<RealizedBucket[]> {
    await writes;
    const db = await handle.get();
    const rows = await db.getAllFromIndex('realized', 'by-minute', IDBKeyRange.lowerBound(minuteOf(from)));
    return rows.filter((b) => b.asset === asset);
  }

  /** Drops buckets older than 7 days and single events older than a day; returns the buckets dropped. */
  async function prune(): Promise<number> {
    await writes;
    const db = await handle.get();
    const now = clock.now();
    const tx = db.transaction(['realized', 'realized-events'], 'readwrite');
    let cursor = await tx
      .objectStore('realized')
      .index('by-minute')
      .openCursor(IDBKeyRange.upperBound(minuteOf(now - BUCKET_RETENTION_MS), true));
    let removed = 0;
    while (cursor) {
      await cursor.delete();
      removed++;
      cursor = await cursor.continue();
    }
    let old = await tx
      .objectStore('realized-events')
      .index('by-time')
      .openCursor(IDBKeyRange.upperBound(now - EVENT_RETENTION_MS, true));
    while (old) {
      await old.delete();
      old = await old.continue();
    }
    await tx.done;
    return removed;
  }

  async function clear(): Promise<void> {
    const db = await handle.get();
    await db.clear('realized');
    await db.clear('realized-events');
    await db.delete('meta', COVERAGE_KEY);
    await db.delete('meta', VENUES_KEY);
  }

  return { record, markAlive, coverage, summary, bucketsOf, prune, clear, markVenueAlive, markBackfilled, venueRecords, recent, largest };
}

export type RealizedStore = ReturnType<typeof createRealizedStore>;
