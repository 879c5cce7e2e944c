import type { Clock } from '../net/clock';
import { CACHE_KINDS, type CacheEntry, type CacheKind, type DbHandle, type LiqlensDb } from './db';

/** How long each kind is fresh, and how long a stale copy is kept to show offline. */
export const KIND_POLICY: Record<CacheKind, { freshMs: number; keepMs: number }> = {
  // Marks and assembled snapshots: the overlay measures distances from the mark.
  snapshots: { freshMs: 15_000, keepMs: 24 * 3600_000 },
  model: { freshMs: 5 * 60_000, keepMs: 2 * 24 * 3600_000 },
  tiers: { freshMs: 24 * 3600_000, keepMs: 14 * 24 * 3600_000 },
  instruments: { freshMs: 24 * 3600_000, keepMs: 14 * 24 * 3600_000 },
  markets: { freshMs: 6 * 3600_000, keepMs: 14 * 24 * 3600_000 },
};

/**
 * Most entries kept per kind, the least recently written evicted first (a market's snapshot and
 * mark are rewritten each time it is viewed, so this is least recently used). Snapshots hold two
 * entries per market (snapshot and mark) plus vendor figures per coin: about 300 markets. A page
 * cycling made-up markets cannot grow the disk without bound.
 */
export const KIND_CAP: Record<CacheKind, number> = { snapshots: 600, tiers: 300, instruments: 300, model: 200, markets: 100 };

export interface Cached<T> {
  value: T;
  fetchedAt: number;
  ageMs: number;
  fresh: boolean;
}

export interface SwrResult<T> extends Cached<T> {
  /** The refresh under way when the cached copy was stale (or missing); null when fresh. */
  refresh: Promise<T> | null;
}

/**
 * Kinds a page asks for the moment it opens (the overlay's first paint waits on them): their latest
 * entries are also kept in the worker's memory, so a read while the worker lives skips IndexedDB.
 */
const HOT_KINDS: ReadonlySet<CacheKind> = new Set(['snapshots', 'tiers', 'instruments']);
const HOT_MAX = 32;

export const isQuotaError = (e: unknown) => typeof e === 'object' && e !== null && (e as { name?: string }).name === 'QuotaExceededError';

/**
 * Typed read/write of cached values with expiry per kind, stale-while-revalidate, purge by
 * the expiry index and recovery from a full disk (evict oldest, retry, then memory only).
 */
export function createCache(handle: DbHandle, clock: Clock, hooks: { onEvict?: (count: number) => void; caps?: Partial<Record<CacheKind, number>> } = {}) {
  const caps = { ...KIND_CAP, ...hooks.caps };
  const memory = new Map<string, CacheEntry>();
  // Insertion order is recency: a read or write moves an entry to the end, the first is dropped.
  const hot = new Map<string, CacheEntry>();
  const keepHot = (kind: CacheKind, key: string, entry: CacheEntry) => {
    if (!HOT_KINDS.has(kind)) return;
    const id = memKey(kind, key);
    hot.delete(id);
    hot.set(id, entry);
    if (hot.size > HOT_MAX) hot.delete(hot.keys().next().value as string);
  };
  const refreshing = new Map<string, Promise<unknown>>();
  const memKey = (kind: CacheKind, key: string) => `${kind}\u0000${key}`;

  function toCached<T>(entry: CacheEntry, now: number): Cached<T> {
    return { value: entry.value as T, fetchedAt: entry.fetchedAt, ageMs: Math.max(0, now - entry.fetchedAt), fresh: now < entry.freshUntil };
  }

  async function get<T>(kind: CacheKind, key: string): Promise<Cached<T> | null> {
    const now = clock.now();
    let entry: CacheEntry | undefined = memory.get(memKey(kind, key)) ?? hot.get(memKey(kind, key));
    if (!entry) {
      try {
        entry = await (await handle.get()).get(kind, key);
      } catch {
        entry = undefined;
      }
      if (entry) keepHot(kind, key, entry);
    }
    if (!entry || entry.expiresAt <= now) return null;
    return toCached<T>(entry, now);
  }

  async function evictOldest(db: LiqlensDb, count: number): Promise<number> {
    // Oldest first across every kind; snapshots and model state are rebuilt most easily.
    const candidates: { kind: CacheKind; key: string; fetchedAt: number }[] = [];
    for (const kind of CACHE_KINDS) {
      let cursor = await db.transaction(kind).store.index('by-fetched').openCursor();
      let taken = 0;
      while (cursor && taken < count) {
        candidates.push({ kind, key: cursor.value.key, fetchedAt: cursor.value.fetchedAt });
        taken++;
        cursor = await cursor.continue();
      }
    }
    candidates.sort((a, b) => a.fetchedAt - b.fetchedAt);
    const victims = candidates.slice(0, count);
    for (const v of victims) {
      await db.delete(v.kind, v.key);
      hot.delete(memKey(v.kind, v.key));
    }
    hooks.onEvict?.(victims.length);
    return victims.length;
  }

  /** Deletes the least recently written entries of a kind beyond its cap. */
  async function trim(db: LiqlensDb, kind: CacheKind, cap = caps[kind]): Promise<number> {
    const over = (await db.count(kind)) - cap;
    if (over <= 0) return 0;
    const tx = db.transaction(kind, 'readwrite');
    let cursor = await tx.store.index('by-fetched').openCursor();
    let removed = 0;
    while (cursor && removed < over) {
      hot.delete(memKey(kind, cursor.value.key));
      await cursor.delete();
      removed++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return removed;
  }

  async function put<T>(kind: CacheKind, key: string, value: T, fetchedAt = clock.now(), freshMs?: number): Promise<'stored' | 'memory'> {
    const policy = { ...KIND_POLICY[kind], ...(freshMs !== undefined ? { freshMs } : {}) };
    const entry: CacheEntry = { key, value, fetchedAt, freshUntil: fetchedAt + policy.freshMs, expiresAt: fetchedAt + policy.keepMs };
    const db = await handle.get();
    try {
      await db.put(kind, entry);
      memory.delete(memKey(kind, key));
      keepHot(kind, key, entry);
      await trim(db, kind).catch(() => 0);
      return 'stored';
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      try {
        await evictOldest(db, 50);
        await db.put(kind, entry);
        memory.delete(memKey(kind, key));
        keepHot(kind, key, entry);
        return 'stored';
      } catch (retryError) {
        if (!isQuotaError(retryError)) throw retryError;
        // Disk still full: keep serving from memory until the worker stops.
        memory.set(memKey(kind, key), entry);
        return 'memory';
      }
    }
  }

  /**
   * Returns the cached value at once (with its age) and starts one refresh when it is stale;
   * with nothing cached, waits for the load. A failing refresh keeps the last good value.
   */
  async function swr<T>(kind: CacheKind, key: string, load: () => Promise<T>, options: { freshMs?: number; force?: boolean } = {}): Promise<SwrResult<T>> {
    const cached = await get<T>(kind, key);
    if (cached?.fresh && !options.force) return { ...cached, refresh: null };
    const id = memKey(kind, key);
    let refresh = refreshing.get(id) as Promise<T> | undefined;
    if (!refresh) {
      refresh = (async () => {
        const value = await load();
        await put(kind, key, value, clock.now(), options.freshMs);
        return value;
      })().finally(() => refreshing.delete(id));
      refreshing.set(id, refresh);
    }
    if (cached) {
      refresh.catch(() => undefined);
      return { ...cached, refresh };
    }
    const value = await refresh;
    return { value, fetchedAt: clock.now(), ageMs: 0, fresh: true, refresh: null };
  }

  /** Deletes every entry past its expiry, using the expiry index. */
  async function purge(): Promise<number> {
    const now = clock.now();
    const db = await handle.get();
    let removed = 0;
    for (const kind of CACHE_KINDS) {
      const tx = db.transaction(kind, 'readwrite');
      let cursor = await tx.store.index('by-expires').openCursor(IDBKeyRange.upperBound(now));
      while (cursor) {
        await cursor.delete();
        removed++;
        cursor = await cursor.continue();
      }
      await tx.done;
    }
    for (const [k, e] of memory) if (e.expiresAt <= now) memory.delete(k);
    for (const [k, e] of hot) if (e.expiresAt <= now) hot.delete(k);
    return removed;
  }

  async function clear(): Promise<void> {
    hot.clear();
    const db = await handle.get();
    for (const kind of CACHE_KINDS) await db.clear(kind);
    memory.clear();
  }

  /** Frees room for other stores (realized buckets) when the disk is full. */
  async function freeSpace(count = 50): Promise<number> {
    return evictOldest(await handle.get(), count);
  }

  return { get, put, swr, purge, clear, freeSpace };
}

export type Cache = ReturnType<typeof createCache>;
