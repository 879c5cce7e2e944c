/**
 * Background collection of realized liquidations, end to end in the service with fake sockets:
 * collection without any page, a REST backfill overlapping the stream, a reconnect that replays
 * orders, a gap, and the network-wide view with its coverage.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createService } from '@/core/service/service';
import { createRouter } from '@/core/messages/router';
import { DEFAULT_SETTINGS, type Settings } from '@/core/settings/settings';
import type { LocalStorageArea } from '@/core/vendors/keys';
import type { RealizedView } from '@/core/realized/types';
import { FakeClock, fakeFetch, json } from '../net/fakes';
import { FakeSocket, forceOrderMessage, recordedForceOrders } from '../realized/helpers';

const fixture = (p: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/api/${p}`, import.meta.url)), 'utf8')) as unknown;
const EXT = 'chrome-extension://liqlens';
const MIN = 60_000;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  FakeSocket.opened = [];
});

async function start(now: number, settings: Partial<Settings>, routes: Parameters<typeof fakeFetch>[0] = {}) {
  const clock = new FakeClock(now);
  const local = fakeBrowser.storage.local as unknown as LocalStorageArea;
  await local.set({ settings: { ...DEFAULT_SETTINGS, ...settings } });
  const fake = fakeFetch(routes);
  const service = createService({
    version: '1',
    fetch: fake.fetch,
    clock,
    timers: clock,
    local,
    permissions: { hasOrigin: async () => false },
    openSocket: (url) => new FakeSocket(url),
    random: () => 0.5,
  });
  const route = createRouter({ extensionId: 'liqlens', extensionOrigin: EXT, isTradingPage: () => false, handlers: service.handlers });
  const view = async () =>
    ((await route({ channel: 'liqlens', command: 'realized.view', payload: {} }, { id: 'liqlens', url: `${EXT}/liquidations.html` })) as { data: RealizedView })
      .data;
  return { clock, service, view, route, calls: fake.calls };
}

const only = (...venues: string[]) => ({ keylessVenues: Object.fromEntries(Object.keys(DEFAULT_SETTINGS.keylessVenues).map((v) => [v, venues.includes(v)])) });
const socketOf = (host: string) => FakeSocket.opened.filter((s) => s.url.includes(host)).at(-1)!;

describe('background collection of realized liquidations', () => {
  it('runs the enabled venues’ streams with no page open, and stops them when set to collect only while a trading page is open', async () => {
    const { clock, service, route } = await start(Date.UTC(2026, 0, 1), only('binance', 'bybit'));
    await service.startup();
    expect(service.testHooks!.streamsRunning()).toBe(true);
    expect(FakeSocket.opened.map((s) => new URL(s.url).host).sort()).toEqual(['fstream.binance.com', 'stream.bybit.com']);
    const settings = { ...DEFAULT_SETTINGS, ...only('binance', 'bybit'), realizedCollection: 'while-trading-page' as const };
    await route({ channel: 'liqlens', command: 'settings.set', payload: { settings } }, { id: 'liqlens', url: `${EXT}/options.html` });
    await clock.advance(20_000);
    expect(service.testHooks!.streamsRunning()).toBe(false);
  });

  it('counts once what the REST backfill and the stream both saw (OKX, same orders on both)', async () => {
    const rest = fixture('okx/liquidation-orders_SWAP.from-docs.json') as { data: unknown[] };
    // The stream pushes the same details[] shape as the REST answer (OKX docs): the same two orders.
    const push = JSON.stringify({ arg: { channel: 'liquidation-orders', instType: 'SWAP' }, data: rest.data });
    const { clock, service, view } = await start(1692266434010 + 10 * MIN, only('okx'), {
      'https://www.okx.com/api/v5/public/instruments': json(fixture('okx/instruments_SWAP.from-docs.json')),
      'https://www.okx.com/api/v5/public/liquidation-orders?instType=SWAP&instFamily=BTC-USDT': json(rest),
      'https://www.okx.com/api/v5/public/liquidation-orders?instType=SWAP&instFamily=ETH-USDT': json({ code: '0', msg: '', data: [] }),
    });
    await service.startup();
    const okx = socketOf('okx');
    okx.serverOpen();
    const expected = { longUsd: 2 * 0.01 * 62000, shortUsd: 1 * 0.01 * 63000 };
    await expect.poll(async () => (await service.testHooks!.readRealized('BTC'))?.windows['1h'].byVenue.okx, { timeout: 2000 }).toEqual(expected);
    // The stream then delivers the same two orders (and a reconnect delivers them again).
    okx.serverSend(push);
    okx.serverSend(push);
    await clock.advance(0);
    expect((await service.testHooks!.readRealized('BTC'))!.windows['1h'].byVenue.okx).toEqual(expected);
    const v = await view();
    const o = v.venues.find((c) => c.venue === 'okx')!;
    expect(o.backfill?.families).toEqual(['BTC-USDT', 'ETH-USDT']);
    expect(o.sampled).toMatch(/one order per contract per second/);
    expect(v.largest.map((e) => e.usd)).toEqual([1240, 630]);
  });

  it('a reconnect that replays recorded Binance force orders counts each once, and the silence in between is a gap', async () => {
    const rows = recordedForceOrders();
    const t0 = rows[rows.length - 1]!.time + 1000;
    const { clock, service, view } = await start(t0, only('binance'));
    await service.startup();
    let socket = socketOf('binance');
    socket.serverOpen();
    for (const r of rows) socket.serverSend(forceOrderMessage(r));
    const once = rows.reduce((a, r) => a + r.usdValue, 0);
    // Keepalive answers keep the coverage moving for 5 minutes.
    for (let i = 0; i < 10; i++) {
      await clock.advance(30_000);
      socket.serverSend(JSON.stringify({ result: [], id: 1 }));
    }
    const lastHeard = clock.now();
    // The link dies; reconnects fail for 15 minutes (the server never opens them).
    socket.serverClose(1006);
    await clock.advance(15 * MIN);
    socket = socketOf('binance');
    socket.serverOpen();
    const back = clock.now();
    // On reconnect the venue sends the last orders again: already counted.
    for (const r of rows.slice(-20)) socket.serverSend(forceOrderMessage(r));
    socket.serverSend(JSON.stringify({ result: [], id: 1 }));
    await clock.advance(0);
    expect((await service.testHooks!.readRealized())!.windows['1h'].totalUsd).toBeCloseTo(once, 2);
    const b = (await view()).venues.find((c) => c.venue === 'binance')!;
    expect(b.since).toBe(t0);
    expect(b.gaps).toEqual([{ from: lastHeard, to: back }]);
    expect(b.backfill).toBeNull();
    expect(b.sampled).toMatch(/one order per symbol per second/);
    expect(b.state).toBe('collecting');
  });

  it('names every venue that publishes no liquidations, with the reason', async () => {
    const { view } = await start(Date.UTC(2026, 0, 1), only('binance'));
    const v = await view();
    const hyperliquid = v.venues.find((c) => c.venue === 'hyperliquid')!;
    expect(hyperliquid.feed).toBe('none');
    expect(hyperliquid.reason).toMatch(/none public/);
    expect(v.venues.find((c) => c.venue === 'htx')!).toMatchObject({ feed: 'stream', enabled: false, state: 'stopped', since: null });
    expect(v.collection).toBe('always');
  });
});
