import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, openLiqlensDb } from '@/core/cache/db';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('database migrations', () => {
  it('creates every store at the current version', async () => {
    const db = await openLiqlensDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'disagreements',
      'instruments',
      'markets',
      'meta',
      'model',
      'realized',
      'realized-events',
      'snapshots',
      'sources',
      'tiers',
    ]);
    db.close();
  });

  it('upgrades a v1 database holding data and keeps that data readable', async () => {
    const v1 = await openLiqlensDb({ upTo: 1 });
    expect(v1.version).toBe(1);
    // A v1 entry had no freshUntil.
    await (v1 as unknown as import('idb').IDBPDatabase).put('tiers', {
      key: 'binance:BTC/USDT:USDT',
      value: { tiers: [1] },
      fetchedAt: 1000,
      expiresAt: 9_999_999_999_999,
    });
    v1.close();

    const db = await openLiqlensDb();
    expect(db.version).toBe(DB_VERSION);
    const entry = await db.get('tiers', 'binance:BTC/USDT:USDT');
    expect(entry).toEqual({ key: 'binance:BTC/USDT:USDT', value: { tiers: [1] }, fetchedAt: 1000, freshUntil: 1000, expiresAt: 9_999_999_999_999 });
    expect(await db.countFromIndex('tiers', 'by-fetched')).toBe(1);
    expect(db.objectStoreNames.contains('realized')).toBe(true);
    await db.put('realized', { minute: 1, venue: 'binance', asset: 'BTC', longUsd: 1, shortUsd: 0, count: 1 });
    db.close();
  });

  it('upgrades v4 to v5: realized buckets kept, an empty store of single liquidations added', async () => {
    const v4 = await openLiqlensDb({ upTo: 4 });
    const bucket = { minute: 60_000, venue: 'okx', asset: 'BTC', longUsd: 5, shortUsd: 0, count: 1 };
    await (v4 as unknown as import('idb').IDBPDatabase).put('realized', bucket);
    v4.close();
    const db = await openLiqlensDb();
    expect(await db.get('realized', [60_000, 'okx', 'BTC'])).toEqual(bucket);
    expect(await db.count('realized-events')).toBe(0);
    db.close();
  });

  it('upgrades from v2 as well', async () => {
    const v2 = await openLiqlensDb({ upTo: 2 });
    await v2.put('realized', { minute: 60_000, venue: 'bybit', asset: 'ETH', longUsd: 5, shortUsd: 6, count: 2 });
    v2.close();
    const db = await openLiqlensDb();
    expect(await db.get('realized', [60_000, 'bybit', 'ETH'])).toMatchObject({ longUsd: 5, shortUsd: 6 });
    expect(db.objectStoreNames.contains('meta')).toBe(true);
    db.close();
  });

  it('closes its connection when a newer version is waiting, so the upgrade is not blocked', async () => {
    let told = false;
    const old = await openLiqlensDb({ upTo: 2, onBlocking: () => (told = true) });
    const newer = await openDB(DB_NAME, 99, { upgrade() {} });
    expect(told).toBe(true);
    expect(newer.version).toBe(99);
    newer.close();
    void old;
  });
});
