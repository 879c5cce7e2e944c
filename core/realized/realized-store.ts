import type { Clock } from '../net/clock';
import type { DbHandle, RealizedBucket } from '../cache/db';
import { isQuotaError } from '../cache/cache';
import type { LiquidationEvent, RealizedSummary } from './types';
import { bucketize, minuteOf, RETENTION_MS, summarize } from './totals';

/** How long the streams may be silent before we count it as a gap in coverage. */
export const COVERAGE_GAP_MS = 3 * 60_000;

interface Coverage {
  /** Start of the current uninterrupted collection run. */
  since: number;
  /** Last time collection was known to be running. */
  alive: number;
}

const COVERAGE_KEY = 'realized.coverage';

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
      const tx = db.transaction('realized', 'readwrite');
      const incoming = bucketize(fresh);
      const existing = await Promise.all([...incoming.values()].map((b) => tx.store.get([b.minute, b.venue, b.asset])));
      let i = 0;
      for (const b of incoming.values()) {
        const old = existing[i++];
        const merged: RealizedBucket = old ? { ...b, longUsd: old.longUsd + b.longUsd, shortUsd: old.shortUsd + b.shortUsd, count: old.count + b.count } : b;
        // A failed put also fails tx.done, which is what we await and handle.
        tx.store.put(merged).catch(() => undefined);
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

  /** Drops buckets older than 24 h. */
  async function prune(): Promise<number> {
    const db = await handle.get();
    const tx = db.transaction('realized', 'readwrite');
    let cursor = await tx.store.index('by-minute').openCursor(IDBKeyRange.upperBound(minuteOf(clock.now() - RETENTION_MS), true));
    let removed = 0;
    while (cursor) {
      await cursor.delete();
      removed++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return removed;
  }

  async function clear(): Promise<void> {
    const db = await handle.get();
    await db.clear('realized');
    await db.delete('meta', COVERAGE_KEY);
  }

  return { record, markAlive, coverage, summary, bucketsOf, prune, clear };
}

export type RealizedStore = ReturnType<typeof createRealizedStore>;
