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
import { createService, REFRESH_ALARM } from '@/core/service/service';
import { createRouter } from '@/core/messages/router';
import { DEFAULT_SETTINGS, type Settings } from '@/core/settings/settings';
import type { LocalStorageArea } from '@/core/vendors/keys';
import type { RealizedView } from '@/core/realized/types';
import { PAGE_LIMIT } from '@/core/venues/gate/history';
import { FakeClock, fakeFetch, json, response } from '../net/fakes';
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

/** A poll that moves the fake clock half a second each time: the hosts' request budgets wait on it. */
const advancing =
  <T>(clock: FakeClock, read: () => Promise<T>) =>
  async (): Promise<T> => {
    await clock.advance(500);
    return read();
  };
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

  it('a page that connects before a just-started worker has read the switches opens no socket to a venue switched off', async () => {
    const { service } = await start(Date.UTC(2026, 0, 1), { ...only('binance'), realizedCollection: 'while-trading-page' });
    // No startup(): the live port is the worker's first event, as when a page wakes it.
    service.acceptLivePort({ name: 'liqlens:live', onMessage: { addListener() {} }, onDisconnect: { addListener() {} }, disconnect() {} });
    expect(FakeSocket.opened).toEqual([]);
    await expect.poll(() => FakeSocket.opened.map((s) => new URL(s.url).host), { timeout: 2000 }).toEqual(['fstream.binance.com']);
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

  describe('REST history of a venue without a stream (Gate, its real recorded liq_orders)', () => {
    const rows = fixture('gate/liq_orders_BTC_USDT_2023-11-18.recorded.json') as { size: string; fill_price: string; time: string }[];
    const T = Number(rows[0]!.time) * 1000;
    const NOW = T + 10 * MIN;
    const ct = Number(
      (fixture('gate/contracts_usdt.from-docs.json') as { name: string; quanto_multiplier: string }[]).find((c) => c.name === 'BTC_USDT')!.quanto_multiplier,
    );
    const usd = rows.reduce((a, r) => a + Number(r.size) * ct * Number(r.fill_price), 0);
    const LIQ = 'https://api.gateio.ws/api/v4/futures/usdt/liq_orders?';
    const routes = (btc: (url: URL) => ReturnType<typeof json>) => ({
      'https://api.gateio.ws/api/v4/futures/usdt/contracts': json(fixture('gate/contracts_usdt.from-docs.json')),
      [LIQ]: (u: string) => {
        const url = new URL(u);
        return url.searchParams.get('contract') === 'BTC_USDT' ? btc(url) : json([]);
      },
    });
    const gateCalls = (calls: { url: string }[], contract: string) => calls.filter((c) => c.url.startsWith(LIQ) && c.url.includes(`contract=${contract}`));

    it('fills the last 24 h of BTC and ETH, paging until a page reaches nothing older; the view says "Gate 24h" and counts each once', async () => {
      // Gate answers the rows inside the asked window (at most its 3600 s): the recorded ones fall in the first hour.
      const inWindow = (url: URL) => {
        const [from, to] = [Number(url.searchParams.get('from')), Number(url.searchParams.get('to'))];
        expect(to - from).toBeLessThanOrEqual(3600);
        return json(rows.filter((r) => Number(r.time) >= from && Number(r.time) <= to));
      };
      const { clock, service, view, calls } = await start(NOW, only('gate'), routes(inWindow));
      await service.startup();
      await expect
        .poll(
          advancing(clock, async () => (await view()).venues.find((c) => c.venue === 'gate')!.backfill?.families),
          { timeout: 4000 },
        )
        .toEqual(['BTC_USDT', 'ETH_USDT']);
      // 24 one-hour windows per contract, walked back from now: an empty hour is not the end.
      const btcPages = gateCalls(calls, 'BTC_USDT');
      expect(btcPages).toHaveLength(24);
      expect(new URL(btcPages[1]!.url).searchParams.get('to')).toBe(String(Math.floor(NOW / 1000) - 3600));
      expect(gateCalls(calls, 'ETH_USDT')).toHaveLength(24);
      const v = await view();
      expect(v.windows['24h'].byVenue.gate).toEqual({ longUsd: expect.closeTo(usd, 6), shortUsd: 0 });
      const gate = v.venues.find((c) => c.venue === 'gate')!;
      expect(gate).toMatchObject({ feed: 'history', enabled: true, gaps: [] });
      // 24 h back from when the backfill started (the budget's waits move the fake clock a few seconds).
      expect(gate.since! - (NOW - 24 * 60 * MIN)).toBeGreaterThanOrEqual(0);
      expect(gate.since! - (NOW - 24 * 60 * MIN)).toBeLessThan(MIN);
      expect(gate.reason).toMatch(/feed/);
      const { coverageNotes } = await import('@/core/realized/view-notes');
      const kinds = coverageNotes(v.venues, v.now, 24 * 60 * MIN)
        .filter((n) => n.venue === 'gate')
        .map((n) => n.kind);
      expect(kinds).toEqual(['full', 'backfill']);
    });

    it('stops at its page limit, records how far back it reached, and the refresh alarm tops it up from there', { timeout: 30_000 }, async () => {
      // A busy venue: every window holds a full page, one row a second back from `to`.
      let served = 0;
      const older = (url: URL) => {
        served++;
        const to = Number(url.searchParams.get('to'));
        return json(Array.from({ length: PAGE_LIMIT }, (_, i) => ({ ...rows[0], size: String(i + 1), time: String(to - 1 - i) })));
      };
      const { clock, service, view, calls } = await start(NOW, only('gate'), routes(older));
      await service.startup();
      // Eleven requests to one host: the descriptor's budget (10, then 5 a second) makes the last wait.
      await expect
        .poll(
          advancing(clock, async () => (await view()).venues.find((c) => c.venue === 'gate')!.backfill?.families),
          { timeout: 20_000 },
        )
        .toEqual(['BTC_USDT', 'ETH_USDT']);
      const { LIQUIDATION_HISTORIES } = await import('@/core/service/venues');
      const max = LIQUIDATION_HISTORIES.gate!.maxPages;
      expect(gateCalls(calls, 'BTC_USDT')).toHaveLength(max);
      expect(served).toBe(max);
      // Reached back max full pages of 1000 one-second rows: coverage since then, not a full day.
      expect((await view()).venues.find((c) => c.venue === 'gate')!.since).toBe(NOW - max * PAGE_LIMIT * 1000);
      await clock.advance(5 * MIN - (clock.now() - NOW));
      const before = calls.length;
      await service.onAlarm(REFRESH_ALARM);
      const topUp = calls.slice(before).filter((c) => c.url.startsWith(LIQ));
      // The venue has nothing newer than the last fill: one page per family reaches it.
      expect(topUp.map((c) => new URL(c.url).searchParams.get('contract'))).toEqual(['BTC_USDT', 'ETH_USDT']);
      const g = (await view()).venues.find((c) => c.venue === 'gate')!;
      expect(g.backfill!.span.to).toBe(NOW + 5 * MIN);
      expect(g.gaps).toEqual([]);
    });

    it.each([
      ['HTML', () => response(200, '<!doctype html><html><body>Access denied</body></html>', { 'content-type': 'text/html' })],
      ['429', () => response(429, '{"label":"TOO_MANY_REQUESTS","message":"slow down"}', { 'Retry-After': '30' })],
      ['malformed JSON', () => response(200, '[{"contract":"BTC_USDT",')],
      ['an error envelope', () => json({ label: 'INVALID_PARAM_VALUE', message: 'bad contract' }, 400)],
      ['a non-list body', () => json({ contract: 'BTC_USDT' })],
    ])('a first page of %s stores nothing, claims no coverage, and says why in the source status', async (_name, bad) => {
      const { service, view } = await start(NOW, only('gate'), routes(bad));
      await service.startup();
      await expect
        .poll(async () => (await service.testHooks!.sourceStatus()).find((s) => s.source === 'gate:liq_orders')?.lastError?.message ?? null, { timeout: 2000 })
        .toMatch(/gate:liq_orders|api\.gateio\.ws/);
      const v = await view();
      expect(v.windows['24h'].byVenue.gate).toBeUndefined();
      const gate = v.venues.find((c) => c.venue === 'gate')!;
      // ETH answered (empty), so the view names ETH_USDT only, never BTC_USDT.
      expect(gate.backfill?.families ?? []).not.toContain('BTC_USDT');
    });

    it('a fault after a good page keeps the good page and never claims past it', { timeout: 30_000 }, async () => {
      const { clock, service, view } = await start(
        NOW,
        only('gate'),
        routes((url) => (Number(url.searchParams.get('to')) < Math.floor(NOW / 1000) ? response(429, '{}', { 'Retry-After': '1' }) : json(rows))),
      );
      await service.startup();
      await expect
        .poll(
          advancing(clock, async () => (await view()).windows['24h'].byVenue.gate?.longUsd ?? 0),
          { timeout: 10_000 },
        )
        .toBeCloseTo(usd, 6);
      // The first page covered its hour; the 429 on the hour before stopped BTC there: whatever is
      // claimed starts no earlier than that hour.
      const since = (await view()).venues.find((c) => c.venue === 'gate')!.since;
      if (since !== null) expect(since).toBeGreaterThanOrEqual(Math.floor(NOW / 1000) * 1000 - 60 * MIN);
    });

    it('without contract values (the contracts list failed) reads no history and claims no coverage; a page of only unreadable rows ends it unclaimed', async () => {
      const noContracts = await start(NOW, only('gate'), {
        ...routes(() => json(rows)),
        'https://api.gateio.ws/api/v4/futures/usdt/contracts': response(200, '<html>maintenance</html>'),
      });
      await noContracts.service.startup();
      await expect
        .poll(async () => (await noContracts.service.testHooks!.sourceStatus()).find((s) => s.source === 'gate:contracts')?.lastError ?? null, {
          timeout: 2000,
        })
        .not.toBeNull();
      expect(gateCalls(noContracts.calls, 'BTC_USDT')).toEqual([]);
      expect((await noContracts.view()).venues.find((c) => c.venue === 'gate')!).toMatchObject({ since: null, backfill: null });

      // Rows of a contract whose value is unknown (all rejected): not "nothing older", so BTC is not
      // claimed, and a span is claimed for every family or none: nothing is claimed.
      const unknown = await start(
        NOW,
        only('gate'),
        routes(() => json(rows.map((r) => ({ ...r, contract: 'NOPE_USDT' })))),
      );
      await unknown.service.startup();
      await expect.poll(() => gateCalls(unknown.calls, 'ETH_USDT').length, { timeout: 2000 }).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 200));
      expect((await unknown.view()).venues.find((c) => c.venue === 'gate')!.backfill).toBeNull();
      expect((await unknown.view()).windows['24h'].byVenue.gate).toBeUndefined();
    });

    it('asks nothing of Gate while it is switched off', async () => {
      const { service, calls } = await start(
        NOW,
        only('binance'),
        routes(() => json(rows)),
      );
      await service.startup();
      await service.onAlarm(REFRESH_ALARM);
      expect(calls.filter((c) => c.url.includes('gateio'))).toEqual([]);
    });
  });

  describe('REST history beside a stream (HTX, from its docs)', () => {
    const body = fixture('htx/swap_liquidation_orders_BTC-USDT.from-docs.json') as {
      data: { created_at: number; trade_turnover: number; contract_code: string }[];
    };
    const NOW = body.data[0]!.created_at + 10 * MIN;
    const URL_ = 'https://api.hbdm.com/linear-swap-api/v3/swap_liquidation_orders?';
    const swapRows = body.data.filter((r) => r.contract_code === 'BTC-USDT');
    const total = swapRows.reduce((a, r) => a + r.trade_turnover, 0);

    it('walks back 2-hour windows to 24 h (an empty window is not the end), and an order both the backfill and the stream saw counts once', async () => {
      const windows: { start: number; end: number; contract: string }[] = [];
      const { clock, service, view, calls } = await start(NOW, only('htx'), {
        [URL_]: (u: string) => {
          const p = new URL(u).searchParams;
          const w = { start: Number(p.get('start_time')), end: Number(p.get('end_time')), contract: p.get('contract')! };
          windows.push(w);
          // The documented rows lie in the newest window; every older window is empty.
          const data = w.contract === 'BTC-USDT' ? body.data.filter((r) => r.created_at >= w.start && r.created_at <= w.end) : [];
          return json({ code: 200, msg: '', data, ts: NOW });
        },
      });
      await service.startup();
      const htx = socketOf('hbdm');
      htx.serverOpen();
      const byHtx = async () => (await service.testHooks!.readRealized('BTC'))?.windows['1h'].byVenue.htx;
      await expect
        .poll(
          async () => {
            await clock.advance(1000);
            return (await view()).venues.find((c) => c.venue === 'htx')!.backfill?.families;
          },
          { timeout: 4000 },
        )
        .toEqual(['BTC-USDT', 'ETH-USDT']);
      expect((await byHtx())!.longUsd + (await byHtx())!.shortUsd).toBeCloseTo(total, 6);
      for (const contract of ['BTC-USDT', 'ETH-USDT']) {
        const mine = windows.filter((w) => w.contract === contract);
        // Each window at most 2 h; each ends where the last one reached; together they reach 24 h back.
        for (const w of mine) expect(w.end - w.start).toBeLessThanOrEqual(2 * 60 * MIN);
        for (let i = 1; i < mine.length; i++) expect(mine[i]!.end).toBeLessThan(mine[i - 1]!.end);
        expect(mine[0]!.end).toBe(NOW);
        expect(mine.at(-1)!.start).toBeLessThanOrEqual(NOW - 24 * 60 * MIN);
        expect(mine.length).toBeLessThanOrEqual(30);
      }
      expect(calls.every((c) => !c.url.startsWith(URL_) || new URL(c.url).searchParams.get('trade_type') === '0')).toBe(true);
      // The stream then pushes the same orders (a reconnect, twice): already counted.
      const push = JSON.stringify({ op: 'notify', topic: 'public.BTC-USDT.liquidation_orders', ts: NOW, data: body.data });
      htx.serverSend(push);
      htx.serverSend(push);
      await clock.advance(0);
      const after = (await byHtx())!;
      expect(after.longUsd + after.shortUsd).toBeCloseTo(total, 6);
      const h = (await view()).venues.find((c) => c.venue === 'htx')!;
      expect(h.feed).toBe('stream');
      // Filled from 24 h before the backfill began (the view cuts it at 24 h before its own now).
      expect(h.backfill!.span).toEqual({ from: clock.now() - 24 * 60 * MIN, to: NOW });
    });
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
