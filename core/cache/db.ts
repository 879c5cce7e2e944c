import type { KeptDisagreement } from '../messages/protocol';
import type { LiquidationEvent } from '../realized/types';
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';

/**
 * The background's IndexedDB. Each shipped version adds one cumulative step to MIGRATIONS;
 * a shipped step is never edited, so any older database upgrades through the same chain.
 */
export const DB_NAME = 'liqlens';
export const DB_VERSION = 5;

/** A cached value with when it was fetched, until when it is fresh, and when it is purged. */
export interface CacheEntry<T = unknown> {
  key: string;
  value: T;
  fetchedAt: number;
  /** After this the value is served as stale while a refresh runs. */
  freshUntil: number;
  /** After this the purge deletes it. */
  expiresAt: number;
}

/** Realized liquidations summed per minute, venue and asset. */
export interface RealizedBucket {
  minute: number;
  venue: string;
  asset: string;
  longUsd: number;
  shortUsd: number;
  count: number;
}

/** One realized liquidation kept for a day: its stable id makes a second sighting (reconnect, backfill) a no-op. */
export type StoredLiquidation = LiquidationEvent & { id: string };

export interface SourceStatusRow {
  source: string;
  lastSuccess: number | null;
  lastError: { at: number; message: string } | null;
}

export const CACHE_KINDS = ['snapshots', 'tiers', 'instruments', 'model', 'markets'] as const;
export type CacheKind = (typeof CACHE_KINDS)[number];

type CacheStore = { key: string; value: CacheEntry; indexes: { 'by-expires': number; 'by-fetched': number } };

export interface LiqlensSchema extends DBSchema {
  snapshots: CacheStore;
  tiers: CacheStore;
  instruments: CacheStore;
  model: CacheStore;
  markets: CacheStore;
  realized: { key: [number, string, string]; value: RealizedBucket; indexes: { 'by-minute': number } };
  sources: { key: string; value: SourceStatusRow };
  meta: { key: string; value: { key: string; value: unknown } };
  /** Self-check disagreements (page figure vs LiqLens's), the newest MAX_DISAGREEMENTS; keys grow with time. */
  disagreements: { key: number; value: KeptDisagreement & { id?: number } };
  /** Single realized liquidations of the last day, by stable id (dedup, largest ones, per-market sums). */
  'realized-events': { key: string; value: StoredLiquidation; indexes: { 'by-time': number } };
}

export type LiqlensDb = IDBPDatabase<LiqlensSchema>;
type UpgradeTx = IDBPTransaction<LiqlensSchema, StoreNames<LiqlensSchema>[], 'versionchange'>;
// The untyped view lets old steps name stores exactly as they were at that version.
type AnyDb = IDBPDatabase<unknown>;

/** Step N brings a version N−1 database to version N. */
export const MIGRATIONS: Record<number, (db: AnyDb, tx: UpgradeTx) => Promise<void> | void> = {
  // v1 (0.1.0): one store per cached kind, expiring by an index.
  1: (db) => {
    for (const name of ['snapshots', 'tiers', 'instruments']) {
      db.createObjectStore(name, { keyPath: 'key' }).createIndex('by-expires', 'expiresAt');
    }
  },
  // v2: realized-liquidation minute buckets and per-source health.
  2: (db) => {
    db.createObjectStore('realized', { keyPath: ['minute', 'venue', 'asset'] }).createIndex('by-minute', 'minute');
    db.createObjectStore('sources', { keyPath: 'source' });
  },
  // v3: model state, markets lists and meta; stale-while-revalidate needs `freshUntil` and
  // quota eviction needs an oldest-first index, so existing entries are rewritten.
  3: async (_db, tx) => {
    const db = _db;
    for (const name of ['model', 'markets']) db.createObjectStore(name, { keyPath: 'key' }).createIndex('by-expires', 'expiresAt');
    db.createObjectStore('meta', { keyPath: 'key' });
    for (const name of CACHE_KINDS) {
      const store = tx.objectStore(name);
      if (!store.indexNames.contains('by-fetched')) store.createIndex('by-fetched', 'fetchedAt');
      if (name === 'model' || name === 'markets') continue;
      let cursor = await store.openCursor();
      while (cursor) {
        const entry = cursor.value as Partial<CacheEntry> & { key: string };
        // v1 entries had only expiresAt: treat them as stale, keep them until they expire.
        if (entry.freshUntil === undefined) await cursor.update({ ...entry, fetchedAt: entry.fetchedAt ?? 0, freshUntil: entry.fetchedAt ?? 0 } as CacheEntry);
        cursor = await cursor.continue();
      }
    }
  },
  // v4: the overlay's self-check disagreements, oldest first by their auto-increment key.
  4: (db) => {
    db.createObjectStore('disagreements', { keyPath: 'id', autoIncrement: true });
  },
  // v5: single realized liquidations by stable id, so a reconnect or a backfill overlapping the
  // stream counts each one once; kept a day (the buckets keep seven).
  5: (db) => {
    db.createObjectStore('realized-events', { keyPath: 'id' }).createIndex('by-time', 'time');
  },
};

/** Opens (and upgrades) the database; `upTo` exists so tests can build an old version. */
export async function openLiqlensDb(options: { upTo?: number; name?: string; onBlocking?: () => void } = {}): Promise<LiqlensDb> {
  const version = options.upTo ?? DB_VERSION;
  const db = await openDB<LiqlensSchema>(options.name ?? DB_NAME, version, {
    async upgrade(database, oldVersion, newVersion, tx) {
      for (let step = oldVersion + 1; step <= (newVersion ?? version); step++) {
        const migrate = MIGRATIONS[step];
        if (!migrate) throw new Error(`No migration to database version ${step}`);
        await migrate(database as unknown as AnyDb, tx as UpgradeTx);
      }
    },
    blocking() {
      // A newer service worker wants to upgrade: let it, and reopen lazily.
      db.close();
      options.onBlocking?.();
    },
  });
  return db;
}

/** One lazily opened connection that reopens after the browser closes it. */
export function createDbHandle(open?: () => Promise<LiqlensDb>) {
  let current: Promise<LiqlensDb> | null = null;
  const opener = open ?? (() => openLiqlensDb({ onBlocking: () => (current = null) }));
  return {
    get(): Promise<LiqlensDb> {
      if (!current) {
        current = opener().then((db) => {
          db.addEventListener('close', () => (current = null));
          return db;
        });
        current.catch(() => (current = null));
      }
      return current;
    },
    reset() {
      current = null;
    },
  };
}
export type DbHandle = ReturnType<typeof createDbHandle>;
