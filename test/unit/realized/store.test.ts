import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createDbHandle, openLiqlensDb } from '@/core/cache/db';
import { createRealizedStore, COVERAGE_GAP_MS } from '@/core/realized/realized-store';
import { summarize } from '@/core/realized/totals';
import { parseForceOrder } from '@/core/venues/binance/streams';
import type { LiquidationEvent } from '@/core/realized/types';
import { FakeClock } from '../net/fakes';
import { forceOrderMessage, recordedForceOrders } from './helpers';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const recorded = (): LiquidationEvent[] => recordedForceOrders().flatMap((r) => parseForceOrder(forceOrderMessage(r)).events);
const HOUR = 3_600_000;

describe('realized store', () => {
  it('sums the recorded Binance cascade into long/short, per venue and per asset', async () => {
    const events = recorded();
    const rows = recordedForceOrders();
    const clock = new FakeClock(rows[rows.length - 1]!.time + 1000);
    const store = createRealizedStore(createDbHandle(), clock);
    await store.markAlive();
    await store.record(events);
    const s = (await store.summary())!;
    const longUsd = rows.filter((r) => r.side === 'SELL').reduce((a, r) => a + r.usdValue, 0);
    const shortUsd = rows.filter((r) => r.side === 'BUY').reduce((a, r) => a + r.usdValue, 0);
    expect(s.windows['1h'].longUsd).toBeCloseTo(longUsd, 2);
    expect(s.windows['1h'].shortUsd).toBeCloseTo(shortUsd, 2);
    expect(s.windows['24h'].totalUsd).toBeCloseTo(longUsd + shortUsd, 2);
    const eth = rows.filter((r) => r.symbol.startsWith('ETH')).reduce((a, r) => a + r.usdValue, 0);
    const ethTotals = s.windows['1h'].byAsset.ETH!;
    expect(ethTotals.longUsd + ethTotals.shortUsd).toBeCloseTo(eth, 2);
    expect(s.windows['1h'].byVenue.binance!.longUsd).toBeCloseTo(longUsd, 2);
    expect(s.lowerBound).toBe(true);
    expect(s.collectingSince).toBe(clock.now());
  });

  it('loses nothing when the service worker is killed: a new store on the same database sees the totals', async () => {
    const events = recorded();
    const clock = new FakeClock(events[events.length - 1]!.time + 1000);
    const first = createRealizedStore(createDbHandle(), clock);
    await first.markAlive();
    await first.record(events.slice(0, 40));
    // "Kill" the worker: drop every in-memory object, open a fresh connection.
    const second = createRealizedStore(createDbHandle(), clock);
    await second.record(events.slice(40));
    const s = (await second.summary())!;
    const expected = events.reduce((a, e) => a + e.usd, 0);
    expect(s.windows['24h'].totalUsd).toBeCloseTo(expected, 2);
  });

  it('merges concurrent batches into the same minute without losing either', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 1, 12));
    const store = createRealizedStore(createDbHandle(), clock);
    await store.markAlive();
    const e = (usd: number): LiquidationEvent => ({
      venue: 'bybit',
      symbol: 'BTC/USDT:USDT',
      side: 'long',
      price: 1,
      quantity: usd,
      usd,
      time: clock.now() - 1000,
    });
    await Promise.all([store.record([e(1)]), store.record([e(2)]), store.record([e(3)])]);
    expect((await store.summary())!.windows['1h'].longUsd).toBe(6);
  });

  it('rolls windows, keeps buckets 7 days, and ignores events from the future or the distant past', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 2, 0));
    const store = createRealizedStore(createDbHandle(), clock);
    await store.markAlive();
    const at = (hoursAgo: number, usd: number): LiquidationEvent => ({
      venue: 'okx',
      symbol: 'ETH/USDT:USDT',
      side: 'short',
      price: 1,
      quantity: usd,
      usd,
      time: clock.now() - hoursAgo * HOUR,
    });
    await store.record([at(0.5, 1), at(3, 10), at(11, 100), at(23, 1000), at(30, 9999), at(-5, 5555)]);
    const w = (await store.summary())!.windows;
    expect([w['1h'].shortUsd, w['4h'].shortUsd, w['12h'].shortUsd, w['24h'].shortUsd]).toEqual([1, 11, 111, 1111]);
    await clock.advance(2 * HOUR);
    // The 23 h bucket has left the 24 h window but is kept (a week of buckets is stored).
    expect((await store.summary())!.windows['24h'].shortUsd).toBe(111);
    expect(await store.prune()).toBe(0);
    await clock.advance(7 * 24 * HOUR - 20 * HOUR);
    // Now the 23 h bucket is older than 7 days: only it goes.
    expect(await store.prune()).toBe(1);
    await clock.advance(20 * HOUR);
    expect(await store.prune()).toBe(3);
  });

  it('collectingSince restarts after a gap in coverage', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 1));
    const store = createRealizedStore(createDbHandle(), clock);
    expect(await store.summary()).toBeNull();
    const start = (await store.markAlive()).since;
    await clock.advance(60_000);
    expect((await store.markAlive()).since).toBe(start);
    await clock.advance(COVERAGE_GAP_MS + 1);
    expect((await store.markAlive()).since).toBe(clock.now());
  });

  it('drops absurd events (a unit error or hostile data) instead of inflating totals', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 1, 12));
    const store = createRealizedStore(createDbHandle(), clock);
    await store.markAlive();
    const e = (usd: number): LiquidationEvent => ({
      venue: 'okx',
      symbol: 'BTC/USDT:USDT',
      side: 'long',
      price: 1,
      quantity: usd,
      usd,
      time: clock.now() - 1000,
    });
    await store.record([e(1e12), e(Number.NaN), e(-5), e(0), e(Infinity), e(250)]);
    expect((await store.summary())!.windows['1h'].longUsd).toBe(250);
  });

  it('on a full disk frees space (oldest cached market data) and keeps the events', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 1, 12));
    const db = await openLiqlensDb();
    let failNext = true;
    // Fail the first realized write transaction's commit with QuotaExceededError.
    const failing = new Proxy(db, {
      get(target, prop) {
        if (prop === 'transaction') {
          return (...args: Parameters<typeof db.transaction>) => {
            const tx = target.transaction(...args);
            const stores = ([] as unknown[]).concat(args[0]);
            if (stores.includes('realized') && failNext) {
              failNext = false;
              // As a real quota failure does: the transaction aborts and nothing is written.
              return new Proxy(tx, {
                get: (t, p) => {
                  if (p !== 'done') {
                    const v = Reflect.get(t, p);
                    return typeof v === 'function' ? v.bind(t) : v;
                  }
                  t.abort();
                  return t.done.catch(() => undefined).then(() => Promise.reject(new DOMException('full', 'QuotaExceededError')));
                },
              });
            }
            return tx;
          };
        }
        const v = Reflect.get(target, prop);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    let freed = 0;
    const store = createRealizedStore({ get: async () => failing, reset() {} }, clock, { freeSpace: async () => void freed++ });
    await store.markAlive();
    const e: LiquidationEvent = { venue: 'binance', symbol: 'BTC/USDT:USDT', side: 'long', price: 1, quantity: 7, usd: 7, time: clock.now() - 1000 };
    await store.record([e]);
    expect(freed).toBe(1);
    expect((await store.summary())!.windows['1h'].longUsd).toBe(7);
  });

  it('summarize filters by asset and skips non-finite or zero events', () => {
    const s = summarize(
      [
        { minute: 0, venue: 'binance', asset: 'BTC', longUsd: 5, shortUsd: 0, count: 1 },
        { minute: 0, venue: 'binance', asset: 'ETH', longUsd: 7, shortUsd: 0, count: 1 },
      ],
      60_000,
      0,
      { asset: 'BTC' },
    );
    expect(s.windows['1h'].longUsd).toBe(5);
  });
});
