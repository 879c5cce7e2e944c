import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createCache, KIND_POLICY } from '@/core/cache/cache';
import { createDbHandle, openLiqlensDb, type LiqlensDb } from '@/core/cache/db';
import { FakeClock, flush } from '../net/fakes';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('cache', () => {
  it('serves a value fresh, then stale with its age, then not at all after expiry', async () => {
    const clock = new FakeClock();
    const cache = createCache(createDbHandle(), clock);
    await cache.put('snapshots', 'k', { a: 1 });
    expect(await cache.get('snapshots', 'k')).toMatchObject({ value: { a: 1 }, fresh: true, ageMs: 0 });
    await clock.advance(KIND_POLICY.snapshots.freshMs + 1);
    expect(await cache.get('snapshots', 'k')).toMatchObject({ fresh: false, ageMs: KIND_POLICY.snapshots.freshMs + 1 });
    await clock.advance(KIND_POLICY.snapshots.keepMs);
    expect(await cache.get('snapshots', 'k')).toBeNull();
  });

  it('answers page-open kinds from memory while the worker lives, with the same expiry, and forgets them on clear', async () => {
    const clock = new FakeClock();
    const db = await openLiqlensDb();
    const reads: string[] = [];
    const counting = new Proxy(db, {
      get(target, prop) {
        if (prop === 'get') return (store: 'snapshots', key: string) => (reads.push(`${store}:${key}`), target.get(store, key));
        const v = Reflect.get(target, prop);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const cache = createCache({ get: async () => counting, reset() {} }, clock);
    await cache.put('snapshots', 'k', { a: 1 });
    await cache.put('model', 'm', { b: 2 });
    expect(await cache.get('snapshots', 'k')).toMatchObject({ value: { a: 1 }, fresh: true });
    expect(await cache.get('model', 'm')).toMatchObject({ value: { b: 2 } });
    // The model (large, not read when a page opens) still comes from IndexedDB.
    expect(reads).toEqual(['model:m']);
    await clock.advance(KIND_POLICY.snapshots.freshMs + 1);
    expect(await cache.get('snapshots', 'k')).toMatchObject({ fresh: false });
    // Written by a previous worker: read from IndexedDB once, then from memory.
    const next = createCache({ get: async () => counting, reset() {} }, clock);
    reads.length = 0;
    await next.get('snapshots', 'k');
    await next.get('snapshots', 'k');
    expect(reads).toEqual(['snapshots:k']);
    await next.clear();
    expect(await next.get('snapshots', 'k')).toBeNull();
    await clock.advance(KIND_POLICY.snapshots.keepMs);
    expect(await cache.get('snapshots', 'k')).toBeNull();
  });

  it('purges only expired entries through the expiry index', async () => {
    const clock = new FakeClock();
    const cache = createCache(createDbHandle(), clock);
    await cache.put('snapshots', 'old', 1);
    await clock.advance(KIND_POLICY.snapshots.keepMs - 1000);
    await cache.put('snapshots', 'new', 2);
    await cache.put('tiers', 'tier', 3);
    await clock.advance(2000);
    expect(await cache.purge()).toBe(1);
    expect(await cache.get('snapshots', 'new')).not.toBeNull();
    expect(await cache.get('tiers', 'tier')).not.toBeNull();
  });

  it('stale-while-revalidate: returns the stale copy at once, refreshes once, keeps it if the refresh fails', async () => {
    const clock = new FakeClock();
    const cache = createCache(createDbHandle(), clock);
    let loads = 0;
    const first = await cache.swr('snapshots', 'k', async () => ++loads);
    expect(first).toMatchObject({ value: 1, fresh: true, refresh: null });
    await clock.advance(KIND_POLICY.snapshots.freshMs);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const load = async () => {
      await gate;
      return ++loads;
    };
    const stale = await cache.swr('snapshots', 'k', load);
    const again = await cache.swr('snapshots', 'k', load);
    expect(stale).toMatchObject({ value: 1, fresh: false, ageMs: KIND_POLICY.snapshots.freshMs });
    expect(again.refresh).toBe(stale.refresh);
    release();
    expect(await stale.refresh).toBe(2);
    expect(await cache.get('snapshots', 'k')).toMatchObject({ value: 2, fresh: true });
    await clock.advance(KIND_POLICY.snapshots.freshMs);
    const failing = await cache.swr('snapshots', 'k', async () => {
      throw new Error('offline');
    });
    await expect(failing.refresh).rejects.toThrow('offline');
    expect(await cache.get('snapshots', 'k')).toMatchObject({ value: 2 });
  });

  it('on QuotaExceededError evicts the oldest entries and retries', async () => {
    const clock = new FakeClock();
    const db = await openLiqlensDb();
    let failures = 1;
    const failingDb = new Proxy(db, {
      get(target, prop) {
        if (prop === 'put') {
          return (...args: Parameters<LiqlensDb['put']>) => {
            if (failures-- > 0) return Promise.reject(quota());
            return target.put(...args);
          };
        }
        const v = Reflect.get(target, prop);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    failures = 0;
    const cache = createCache({ get: async () => failingDb, reset() {} }, clock);
    await cache.put('tiers', 'oldest', 'a');
    await clock.advance(1000);
    await cache.put('snapshots', 'newer', 'b');
    failures = 1;
    expect(await cache.put('snapshots', 'newest', 'c')).toBe('stored');
    expect(await cache.get('snapshots', 'newest')).toMatchObject({ value: 'c' });
    expect(await db.get('tiers', 'oldest')).toBeUndefined();
  });

  it('keeps working from memory when the disk stays full', async () => {
    const clock = new FakeClock();
    const db = await openLiqlensDb();
    const fullDb = new Proxy(db, {
      get(target, prop) {
        if (prop === 'put') return () => Promise.reject(quota());
        const v = Reflect.get(target, prop);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const cache = createCache({ get: async () => fullDb, reset() {} }, clock);
    expect(await cache.put('snapshots', 'k', 42)).toBe('memory');
    expect(await cache.get('snapshots', 'k')).toMatchObject({ value: 42, fresh: true });
  });

  it('survives a restarted worker: a new cache on the same database sees the data', async () => {
    const clock = new FakeClock();
    await createCache(createDbHandle(), clock).put('instruments', 'okx:BTC/USDT:USDT', { contractSize: 0.01 });
    await flush();
    const restarted = createCache(createDbHandle(), clock);
    expect(await restarted.get('instruments', 'okx:BTC/USDT:USDT')).toMatchObject({ value: { contractSize: 0.01 } });
  });

  it('clear empties every kind', async () => {
    const clock = new FakeClock();
    const cache = createCache(createDbHandle(), clock);
    await cache.put('model', 'm', 1);
    await cache.clear();
    expect(await cache.get('model', 'm')).toBeNull();
  });
});
