/**
 * Finding 3 of issue #16 (market churn by URL rewriting): the background accepts a content
 * script's market only when it is its sender's page's, limits distinct markets per tab per minute,
 * spends vendor keys only on markets the trader stayed on, caps cached entries per kind and
 * refuses requests beyond a full per-host queue.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createMarketGuard, MARKETS_PER_TAB_PER_MINUTE, STAY_MS } from '@/core/service/market-guard';
import { createHandlers, type HandlerDeps } from '@/core/service/handlers';
import { createRouter } from '@/core/messages/router';
import { marketFromUrl } from '@/core/page/market-from-url';
import { DEFAULT_SETTINGS } from '@/core/settings/settings';
import { createCache } from '@/core/cache/cache';
import { createDbHandle } from '@/core/cache/db';
import { HostBuckets, QueueFull } from '@/core/net/rate-limit';
import { createFetcher } from '@/core/net/fetcher';
import { SourceError } from '@/core/net/errors';
import { FakeClock, flush, json } from '../net/fakes';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const EXT = 'chrome-extension://liqlens';
const page = (symbol: string, tabId = 7) => ({ id: 'liqlens', url: `https://www.binance.com/en/futures/${symbol}`, tabId });
const fromPopup = { id: 'liqlens', url: `${EXT}/popup.html` };
const market = (base: string) => ({ venue: 'binance' as const, symbol: `${base}/USDT:USDT` });
const content = (symbol: string, tabId = 7) => ({ kind: 'content' as const, info: page(symbol, tabId) });

function background(clock: FakeClock) {
  const assembled: { symbol: string; vendors: boolean | undefined }[] = [];
  const touched: string[] = [];
  const deps = {
    version: '1',
    settings: { get: async () => DEFAULT_SETTINGS, set: async (s: unknown) => s },
    viewed: { touch: async (m: { symbol: string }) => void touched.push(m.symbol) },
    snapshots: {
      assemble: vi.fn(async (m: { symbol: string }, _s: unknown, _f: unknown, o?: { vendors?: boolean }) => {
        assembled.push({ symbol: m.symbol, vendors: o?.vendors });
        return { market: m };
      }),
      cached: async () => null,
    },
    data: { tiers: async () => ({ value: { tiers: [] } }), instrument: async () => ({ value: {} }) },
    guard: createMarketGuard({ now: clock.now, marketOfUrl: marketFromUrl }),
  } as unknown as HandlerDeps;
  const route = createRouter({
    extensionId: 'liqlens',
    extensionOrigin: EXT,
    isTradingPage: (u) => u.startsWith('https://www.binance.com/'),
    // The alert commands name no market; they are not this test's.
    handlers: { ...createHandlers(deps), ...NO_ALERTS },
  });
  const ask = (command: string, payload: unknown, sender: { id: string; url: string; tabId?: number }) =>
    route({ channel: 'liqlens', command, payload }, sender);
  return { ask, assembled, touched };
}

const NO_ALERTS = { 'alerts.get': refuse, 'alerts.set': refuse, 'alerts.check': refuse };
async function refuse(): Promise<never> {
  throw new Error('not in this test');
}

describe("a content script's market must be its own page's", () => {
  it('every command naming a market refuses another market, and nothing is fetched for it', async () => {
    const { ask, assembled } = background(new FakeClock());
    for (const command of ['snapshot.get', 'tiers.get', 'instrument.get', 'selfcheck.list']) {
      expect(await ask(command, { market: market('ETH') }, page('BTCUSDT'))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await ask(command, { market: market('BTC') }, page('BTCUSDT'))).toMatchObject({ ok: true });
    }
    expect(assembled.map((a) => a.symbol)).toEqual(['BTC/USDT:USDT']);
    // Our own pages may ask about any market.
    expect(await ask('snapshot.get', { market: market('ETH') }, fromPopup)).toMatchObject({ ok: true });
  });
  it('overlay.open with another market keeps the settings and drops only the cached snapshot', async () => {
    const { ask } = background(new FakeClock());
    expect(await ask('overlay.open', { market: market('ETH') }, page('BTCUSDT'))).toMatchObject({
      ok: true,
      data: { settings: DEFAULT_SETTINGS, cached: null },
    });
  });
});

describe('distinct markets per tab per minute', () => {
  it(`allows ${MARKETS_PER_TAB_PER_MINUTE}, refuses the next with a sentence, and allows again a minute later`, async () => {
    const clock = new FakeClock();
    const { ask } = background(clock);
    const coins = Array.from({ length: MARKETS_PER_TAB_PER_MINUTE + 1 }, (_, i) => `C${i}X`);
    for (const c of coins.slice(0, -1)) expect(await ask('snapshot.get', { market: market(c) }, page(`${c}USDT`))).toMatchObject({ ok: true });
    const refused = await ask('snapshot.get', { market: market(coins.at(-1)!) }, page(`${coins.at(-1)}USDT`));
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/more than 10 different markets within a minute/) },
    });
    // A market already open in the tab keeps working; another tab is not affected.
    expect(await ask('snapshot.get', { market: market(coins[0]!) }, page(`${coins[0]}USDT`))).toMatchObject({ ok: true });
    expect(await ask('snapshot.get', { market: market(coins.at(-1)!) }, page(`${coins.at(-1)}USDT`, 8))).toMatchObject({ ok: true });
    await clock.advance(60_000);
    expect(await ask('snapshot.get', { market: market(coins.at(-1)!) }, page(`${coins.at(-1)}USDT`))).toMatchObject({ ok: true });
  });
});

describe('vendor keys only for a market the trader stayed on', () => {
  it('the first asks of a market make no vendor call; after STAY_MS on it they may; a switch starts over', async () => {
    const clock = new FakeClock();
    const { ask, assembled, touched } = background(clock);
    await ask('snapshot.get', { market: market('BTC') }, page('BTCUSDT'));
    await clock.advance(STAY_MS - 1);
    await ask('snapshot.get', { market: market('BTC') }, page('BTCUSDT'));
    await clock.advance(1);
    await ask('snapshot.get', { market: market('BTC') }, page('BTCUSDT'));
    await ask('snapshot.get', { market: market('ETH') }, page('ETHUSDT'));
    await ask('snapshot.get', { market: market('SOL') }, fromPopup);
    expect(assembled.map((a) => a.vendors)).toEqual([false, false, true, false, true]);
    // Only stayed-on markets are kept warm by the refresh alarm.
    expect(touched).toEqual(['BTC/USDT:USDT', 'SOL/USDT:USDT']);
  });
  it('the guard alone: stayed is per tab', () => {
    const clock = new FakeClock();
    const guard = createMarketGuard({ now: clock.now, marketOfUrl: marketFromUrl });
    expect(guard.admit(market('BTC'), content('BTCUSDT', 1))).toEqual({ stayed: false });
    clock.time += STAY_MS;
    expect(guard.admit(market('BTC'), content('BTCUSDT', 1))).toEqual({ stayed: true });
    expect(guard.admit(market('BTC'), content('BTCUSDT', 2))).toEqual({ stayed: false });
  });
});

describe('bounded storage and queues', () => {
  it('caches at most the cap per kind, evicting the least recently written', async () => {
    const clock = new FakeClock();
    const cache = createCache(createDbHandle(), clock, { caps: { snapshots: 3 } });
    for (const k of ['a', 'b', 'c', 'd', 'e']) {
      await cache.put('snapshots', k, { k });
      clock.time += 1;
    }
    await cache.put('snapshots', 'c', { k: 'c2' });
    clock.time += 1;
    await cache.put('snapshots', 'f', { k: 'f' });
    const left = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map(async (k) => ((await cache.get('snapshots', k)) ? k : null)));
    expect(left.filter(Boolean)).toEqual(['c', 'e', 'f']);
  });
  it('a full per-host queue refuses at once instead of growing', async () => {
    const clock = new FakeClock();
    const buckets = new HostBuckets(clock, { 'h.example': { capacity: 1, perSecond: 1 } }, 3);
    const turns = [buckets.take('h.example'), buckets.take('h.example'), buckets.take('h.example')];
    await expect(buckets.take('h.example')).rejects.toBeInstanceOf(QueueFull);
    await clock.advance(3000);
    await Promise.all(turns);
    // Served: room again.
    const next = buckets.take('h.example');
    await clock.advance(1000);
    await expect(next).resolves.toBeUndefined();
  });
  it('the fetcher turns a full queue into a rate-limited source error that names the host', async () => {
    const clock = new FakeClock();
    const fetcher = createFetcher({ fetch: async () => json({ ok: 1 }), clock, limits: { 'api.example.com': { capacity: 0.0001, perSecond: 0.0001 } } });
    // Distinct resources (one in flight per resource key is shared, not queued).
    const waiting = Array.from({ length: 64 }, (_, i) => fetcher.json({ url: `https://api.example.com/x${i}` }, { source: 'test' }).catch((e: unknown) => e));
    await flush();
    const refused = await fetcher.json({ url: 'https://api.example.com/y' }, { source: 'test' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SourceError);
    expect((refused as SourceError).kind).toBe('rate-limited');
    expect((refused as SourceError).message).toMatch(/already waiting for api\.example\.com; this one was refused/);
    void waiting;
  });
});
