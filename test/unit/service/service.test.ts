import type { Market } from '@/core/types';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openLiqlensDb } from '@/core/cache/db';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { idbKeyArea } from '@/core/vendors/keys';
import { createService, REFRESH_ALARM } from '@/core/service/service';
import { createRouter } from '@/core/messages/router';
import { COMMANDS, type MarketSnapshot } from '@/core/messages/protocol';
import { DEFAULT_SETTINGS } from '@/core/settings/settings';
import { createDbHandle } from '@/core/cache/db';
import type { LocalStorageArea } from '@/core/vendors/keys';
import type { FetchLike } from '@/core/net/fetcher';
import { FakeClock, fakeFetch, json, response } from '../net/fakes';
import { FakeSocket, forceOrderMessage, recordedForceOrders } from '../realized/helpers';

const fixture = (path: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/api/${path}`, import.meta.url)), 'utf8'));
const BTC = { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' };
const premium = (fixture('binance/premiumIndex_all_2024-11-27.recorded.json') as { symbol: string }[]).find((r) => r.symbol === 'BTCUSDT');
const klines = fixture('binance/klines_BTCUSDT_1h_2025-12-04.rebuilt-from-recorded-csv.json') as unknown[][];
const oiHist = fixture('binance/openInterestHist_BTCUSDT_1h_2025-12-04.rebuilt-from-recorded-csv.json');
/** Just after the last recorded bar closed. */
const NOW = (klines[klines.length - 1]![6] as number) + 1;

const EXT = 'chrome-extension://liqlens';
const fromExtension = { id: 'liqlens', url: `${EXT}/popup.html` };
const fromPage = { id: 'liqlens', url: 'https://www.binance.com/en/futures/BTCUSDT', tabId: 7 };

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  FakeSocket.opened = [];
});

const binanceRoutes = () => ({
  'https://fapi.binance.com/fapi/v1/premiumIndex': json(premium),
  'https://fapi.binance.com/fapi/v1/klines': json(klines),
  'https://fapi.binance.com/futures/data/openInterestHist': json(oiHist),
  'https://fapi.binance.com/fapi/v1/exchangeInfo': json(fixture('binance/exchangeInfo.from-docs.json')),
});

async function setup(
  routes: Record<string, ReturnType<typeof json> | ((u: string) => ReturnType<typeof json>)> = binanceRoutes(),
  options: { granted?: boolean; fetch?: FetchLike } = {},
) {
  const clock = new FakeClock(NOW);
  const fake = fakeFetch(routes as Parameters<typeof fakeFetch>[0]);
  const local = fakeBrowser.storage.local as unknown as LocalStorageArea;
  // Only Binance feeds the model in these tests: its recorded data is what we have.
  await local.set({ settings: { ...DEFAULT_SETTINGS, keylessVenues: { ...DEFAULT_SETTINGS.keylessVenues, bybit: false, okx: false } } });
  const service = createService({
    version: '9.9.9',
    fetch: options.fetch ?? fake.fetch,
    clock,
    timers: clock,
    local,
    permissions: { hasOrigin: async () => options.granted ?? false },
    openSocket: (url) => new FakeSocket(url),
    random: () => 0.5,
  });
  const route = createRouter({
    extensionId: 'liqlens',
    extensionOrigin: EXT,
    isTradingPage: (u) => u.startsWith('https://www.binance.com/'),
    handlers: service.handlers,
  });
  return { clock, service, route, calls: fake.calls, local };
}

const ask = async (route: ReturnType<typeof createRouter>, command: string, payload: unknown = {}, sender = fromExtension) =>
  route({ channel: 'liqlens', command, payload }, sender);

describe('background service', () => {
  it('has exactly one handler per protocol command', async () => {
    const { service } = await setup();
    expect(Object.keys(service.handlers).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it('snapshot.get: recorded mark, a model heatmap from recorded klines + OI, sources, age', async () => {
    const { route, calls } = await setup();
    const reply = await ask(route, 'snapshot.get', { market: BTC }, fromPage);
    expect(reply.ok).toBe(true);
    const s = (reply as { data: MarketSnapshot }).data;
    expect(s.mark).toEqual({ price: 93951.8, time: 1732715655000, source: 'binance:premiumIndex' });
    expect(s.heatmap).not.toBeNull();
    expect(s.heatmap!.provenance.kind).toBe('estimate');
    expect(s.heatmap!.venues).toEqual(['binance']);
    expect(s.heatmap!.market).toEqual(BTC);
    expect(s.heatmap!.longUsd.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(s.heatmap!.settings.lookbackDays).toBe(DEFAULT_SETTINGS.lookbackDays);
    // Data time is the close of the newest recorded bar the replay served.
    expect(s.heatmap!.provenance.dataTime).toBe((klines[klines.length - 1]![0] as number) + 3_600_000);
    expect(s.stale).toBe(false);
    expect(s.asOf).toBe(NOW);
    expect(s.sources.map((x) => x.source)).toEqual(expect.arrayContaining(['binance:premiumIndex', 'binance:klines', 'binance:openInterestHist']));
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual(
      expect.arrayContaining(['/fapi/v1/premiumIndex', '/fapi/v1/klines', '/futures/data/openInterestHist']),
    );
  });

  it('overlay.open: the settings and the cached snapshot in one answer — one cache read, no network; null before any assembly, the last snapshot after, stale once past its limit', async () => {
    const { route, calls, clock } = await setup();
    const open = async (market?: Market) =>
      ((await ask(route, 'overlay.open', market ? { market } : {}, fromPage)) as { data: { settings: typeof DEFAULT_SETTINGS; cached: MarketSnapshot | null } })
        .data;
    const stored = ((await ask(route, 'settings.get', {}, fromPage)) as { data: typeof DEFAULT_SETTINGS }).data;
    // The stored settings (set up with OKX and Bybit off), not the defaults.
    expect(stored.keylessVenues.okx).toBe(false);
    expect(await open(BTC)).toEqual({ settings: stored, cached: null });
    expect(calls.length).toBe(0);
    const assembled = ((await ask(route, 'snapshot.get', { market: BTC })) as { data: MarketSnapshot }).data;
    const before = calls.length;
    const fresh = (await open(BTC)).cached!;
    expect(fresh).toEqual(assembled);
    expect(fresh.stale).toBe(false);
    await clock.advance(20_000);
    const old = (await open(BTC)).cached!;
    expect(old.stale).toBe(true);
    expect(old.asOf).toBe(assembled.asOf);
    await clock.advance(0);
    expect(calls.length).toBe(before);
    expect((await open({ venue: 'okx', symbol: 'BTC/USDT:USDT' })).cached).toBeNull();
    // No market named from a trading page: its own (the sender URL is BTCUSDT's page).
    expect((await open()).cached).toEqual(old);
    // No market named from an extension page: settings only.
    expect(((await ask(route, 'overlay.open', {})) as { data: unknown }).data).toEqual({ settings: stored, cached: null });
  });

  it('overlay.open: a malformed cached record costs only the cached snapshot, never the settings', async () => {
    const { route } = await setup();
    const stored = ((await ask(route, 'settings.get', {}, fromPage)) as { data: typeof DEFAULT_SETTINGS }).data;
    // An older or tampered record under the snapshot's key: no market in it.
    const db = await openLiqlensDb();
    await db.put('snapshots', {
      key: 'snapshot:binance:BTC/USDT:USDT',
      value: { heatmap: null },
      fetchedAt: NOW,
      freshUntil: NOW + 60_000,
      expiresAt: NOW + 3_600_000,
    } as never);
    db.close();
    const reply = (await ask(route, 'overlay.open', { market: BTC }, fromPage)) as {
      ok: boolean;
      data: { settings: typeof DEFAULT_SETTINGS; cached: MarketSnapshot | null };
    };
    expect(reply.ok).toBe(true);
    expect(reply.data).toEqual({ settings: stored, cached: null });
  });

  it('i18n.catalog hands the content script the Chinese overlay strings and engine notes as plain data', async () => {
    const { route } = await setup();
    const reply = (await ask(route, 'i18n.catalog', { language: 'zh_CN' }, fromPage)) as {
      ok: true;
      data: { messages: Record<string, string>; notes: { exact: Record<string, string>; patterns: [string, string][] } };
    };
    expect(reply.ok).toBe(true);
    expect(reply.data.messages.realizedTotal).toBe('合计 {usd}');
    expect(reply.data.notes.exact['No existing position visible: assumed none.']).toMatch(/[\u4e00-\u9fff]/);
    expect(structuredClone(reply.data)).toEqual(reply.data);
    expect(await ask(route, 'i18n.catalog', { language: 'fr' }, fromPage)).toMatchObject({ ok: false, error: { code: 'bad-message' } });
  });

  it('stale-while-revalidate: a later call answers from cache at once and refreshes behind', async () => {
    const { route, calls, clock } = await setup();
    await ask(route, 'snapshot.get', { market: BTC });
    const before = calls.length;
    await clock.advance(20_000);
    const s = ((await ask(route, 'snapshot.get', { market: BTC })) as { data: MarketSnapshot }).data;
    expect(s.stale).toBe(true);
    expect(s.asOf).toBe(NOW);
    await clock.advance(0);
    expect(calls.length).toBe(before + 1); // only the mark was stale
  });

  it('offline: keeps the last good data with its age and says what failed', async () => {
    let online = true;
    const base = fakeFetch(binanceRoutes() as Parameters<typeof fakeFetch>[0]);
    const fetch: FetchLike = async (url, init) => {
      if (!online) throw new TypeError('Failed to fetch');
      return base.fetch(url, init);
    };
    const { route, clock } = await setup(undefined, { fetch });
    await ask(route, 'snapshot.get', { market: BTC });
    online = false;
    await clock.advance(60_000);
    await ask(route, 'snapshot.get', { market: BTC }); // starts a refresh that fails
    await clock.advance(0);
    const s = ((await ask(route, 'snapshot.get', { market: BTC })) as { data: MarketSnapshot }).data;
    expect(s.mark?.price).toBe(93951.8);
    expect(s.stale).toBe(true);
    expect(s.asOf).toBe(NOW);
    const mark = s.sources.find((x) => x.source === 'binance:premiumIndex')!;
    expect(mark.lastError?.message).toContain('could not be reached');
    expect(mark.lastSuccess).toBe(NOW);
  });

  it('an HTML error page for the mark leaves mark null and a clear status, not a crash', async () => {
    const { route } = await setup({
      ...binanceRoutes(),
      'https://fapi.binance.com/fapi/v1/premiumIndex': response(503, '<html><body>Service Unavailable</body></html>'),
    });
    const s = ((await ask(route, 'snapshot.get', { market: BTC })) as { data: MarketSnapshot }).data;
    expect(s.mark).toBeNull();
    expect(s.heatmap).toBeNull();
    expect(s.sources.find((x) => x.source === 'binance:premiumIndex')!.lastError!.message).toMatch(/web page \(HTTP 503\)/);
    // The overlay says which independent mark is missing and why, instead of pricing from the page.
    expect(s.markMissing?.source).toBe('binance:premiumIndex');
    expect(s.markMissing?.reason).toMatch(/web page \(HTTP 503\)/);
    expect(s.markMissing?.reason).not.toMatch(/^binance:premiumIndex|\.$/);
  });

  it('tiers.get falls back to the bundled table and says why', async () => {
    const { route } = await setup();
    const reply = (await ask(route, 'tiers.get', { market: BTC })) as { ok: true; data: { source: string; tiers: unknown[] } };
    expect(reply.ok).toBe(true);
    expect(reply.data.source).toMatch(/^bundled:.*used because/);
    expect(reply.data.tiers.length).toBeGreaterThan(0);
  });

  it('instrument.get and markets.list answer from exchangeInfo; an unsupported market is a clear error', async () => {
    const { route } = await setup();
    expect(await ask(route, 'instrument.get', { market: BTC })).toMatchObject({ ok: true, data: { contractSize: 1, tickSize: 0.1, market: BTC } });
    expect(await ask(route, 'markets.list', { venue: 'binance' })).toMatchObject({
      ok: true,
      data: [BTC, { venue: 'binance', symbol: 'ETH/USDT:USDT' }, { venue: 'binance', symbol: 'BTC/USDC:USDC' }],
    });
    expect(await ask(route, 'instrument.get', { market: { venue: 'hyperliquid', symbol: 'BTC/USDT:USDT' } })).toEqual({
      ok: false,
      error: { code: 'source-error', message: 'hyperliquid has no public market for BTC/USDT:USDT.' },
    });
  });

  it('settings round-trip in storage.local; overlay.position merges one venue', async () => {
    const { route } = await setup();
    const current = ((await ask(route, 'settings.get')) as { data: typeof DEFAULT_SETTINGS }).data;
    const next = { ...current, bandWindowPct: 5 };
    expect(await ask(route, 'settings.set', { settings: next })).toEqual({ ok: true, data: next });
    const moved = ((await ask(route, 'overlay.position', { venue: 'binance', x: 10, y: 20 }, fromPage)) as { data: typeof DEFAULT_SETTINGS }).data;
    expect(moved.overlayPositions).toEqual({ binance: { x: 10, y: 20 } });
    expect(moved.bandWindowPct).toBe(5);
    // A trading page moves only its own venue's overlay; an extension page may move any.
    expect(await ask(route, 'overlay.position', { venue: 'okx', x: 1, y: 2 }, fromPage)).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    const fromOptions = ((await ask(route, 'overlay.position', { venue: 'okx', x: 1, y: 2 })) as { data: typeof DEFAULT_SETTINGS }).data;
    expect(fromOptions.overlayPositions).toEqual({ binance: { x: 10, y: 20 }, okx: { x: 1, y: 2 } });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it("a page saving the settings copy it loaded keeps the overlay's places kept since (the options page shows none of them)", async () => {
    const { route } = await setup();
    const loaded = ((await ask(route, 'settings.get')) as { data: typeof DEFAULT_SETTINGS }).data;
    const formBox = { viewport: { width: 1600, height: 900 }, box: { x: 1200, y: 200, width: 320, height: 500 } };
    await ask(route, 'overlay.position', { venue: 'binance', x: 10, y: 20 }, fromPage);
    await ask(route, 'overlay.formBox', { venue: 'binance', formBox }, fromPage);
    // The options page saves its older copy with one change: the change lands, the places stay.
    const saved = ((await ask(route, 'settings.set', { settings: { ...loaded, bandWindowPct: 9 } })) as { data: typeof DEFAULT_SETTINGS }).data;
    expect(saved).toMatchObject({ bandWindowPct: 9, overlayPositions: { binance: { x: 10, y: 20 } }, overlayFormBoxes: { binance: formBox } });
    // Nor does an old place in a saved copy overwrite the newer one.
    await ask(route, 'settings.set', { settings: { ...saved, overlayPositions: { binance: { x: 1, y: 1 } } } });
    const stored = ((await ask(route, 'settings.get')) as { data: typeof DEFAULT_SETTINGS }).data;
    expect(stored.overlayPositions).toEqual({ binance: { x: 10, y: 20 } });
  });

  it("overlay.formBox keeps one venue's order form box, and writes storage only when the box moved", async () => {
    const { route, local } = await setup();
    const set = vi.spyOn(local, 'set');
    const formBox = { viewport: { width: 1600, height: 900 }, box: { x: 1200, y: 200, width: 320, height: 500 } };
    expect(await ask(route, 'overlay.formBox', { venue: 'binance', formBox }, fromPage)).toEqual({ ok: true, data: { saved: true } });
    expect(await ask(route, 'overlay.formBox', { venue: 'binance', formBox }, fromPage)).toEqual({ ok: true, data: { saved: false } });
    expect(set).toHaveBeenCalledTimes(1);
    const moved = { ...formBox, box: { ...formBox.box, x: 1180 } };
    expect(await ask(route, 'overlay.formBox', { venue: 'binance', formBox: moved }, fromPage)).toEqual({ ok: true, data: { saved: true } });
    const stored = ((await ask(route, 'settings.get', {}, fromPage)) as { data: typeof DEFAULT_SETTINGS }).data;
    expect(stored.overlayFormBoxes).toEqual({ binance: moved });
    expect((await local.get('settings')).settings).toEqual(stored);
    // Only a content script keeps a form box; an out-of-range one is refused before any handler.
    expect(await ask(route, 'overlay.formBox', { venue: 'binance', formBox })).toMatchObject({ ok: false });
    // Only the venue's own page: a Binance page cannot keep OKX's box.
    expect(await ask(route, 'overlay.formBox', { venue: 'okx', formBox }, fromPage)).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    const huge = { ...formBox, box: { ...formBox.box, width: 1e9 } };
    expect(await ask(route, 'overlay.formBox', { venue: 'binance', formBox: huge }, fromPage)).toMatchObject({ ok: false, error: { code: 'bad-message' } });
  });

  it('settings writes run one at a time on the copy the one before left: a form box kept meanwhile does not undo a save', async () => {
    const { route, local } = await setup();
    const current = ((await ask(route, 'settings.get')) as { data: typeof DEFAULT_SETTINGS }).data;
    const formBox = { viewport: { width: 1600, height: 900 }, box: { x: 1200, y: 200, width: 320, height: 500 } };
    // Sent in the same turn: the box's write must start from the saved settings, not from the copy before them.
    const [saved, kept] = await Promise.all([
      ask(route, 'settings.set', { settings: { ...current, bandWindowPct: 7 } }),
      ask(route, 'overlay.formBox', { venue: 'binance', formBox }, fromPage),
    ]);
    expect(saved).toMatchObject({ ok: true });
    expect(kept).toEqual({ ok: true, data: { saved: true } });
    const stored = (await local.get('settings')).settings as typeof DEFAULT_SETTINGS;
    expect(stored.bandWindowPct).toBe(7);
    expect(stored.overlayFormBoxes).toEqual({ binance: formBox });
  });

  it('settings are read from storage once per worker; every write through the protocol replaces the copy', async () => {
    const { route, local } = await setup();
    const get = vi.spyOn(local, 'get');
    const first = ((await ask(route, 'settings.get', {}, fromPage)) as { data: typeof DEFAULT_SETTINGS }).data;
    await ask(route, 'settings.get', {}, fromPage);
    await ask(route, 'overlay.open', { market: BTC }, fromPage);
    expect(get.mock.calls.filter(([key]) => key === 'settings')).toHaveLength(1);
    await ask(route, 'settings.set', { settings: { ...first, bandWindowPct: 7 } });
    expect(((await ask(route, 'settings.get', {}, fromPage)) as { data: typeof DEFAULT_SETTINGS }).data.bandWindowPct).toBe(7);
    await ask(route, 'overlay.position', { venue: 'binance', x: 1, y: 2 }, fromPage);
    const after = ((await ask(route, 'settings.get', {}, fromPage)) as { data: typeof DEFAULT_SETTINGS }).data;
    expect(after.overlayPositions).toEqual({ binance: { x: 1, y: 2 } });
    expect(after.bandWindowPct).toBe(7);
    // What the copy says is what storage holds.
    expect((await local.get('settings')).settings).toEqual(after);
  });

  it('a corrupted stored setting falls back to its default without losing the others', async () => {
    const { route, local } = await setup();
    await local.set({ settings: { ...DEFAULT_SETTINGS, bandWindowPct: 'NaN', lookbackDays: 3 } });
    const s = ((await ask(route, 'settings.get')) as { data: typeof DEFAULT_SETTINGS }).data;
    expect(s.bandWindowPct).toBe(DEFAULT_SETTINGS.bandWindowPct);
    expect(s.lookbackDays).toBe(3);
  });

  it("vendor.setKey stores in the extension origin's IndexedDB, not storage.local; vendor.test refuses without the host permission", async () => {
    const { route, local } = await setup();
    expect(await ask(route, 'vendor.setKey', { vendor: 'coinglass', key: 'abcd1234efgh' })).toEqual({ ok: true, data: { saved: true } });
    expect(await idbKeyArea().read()).toEqual({ coinglass: 'abcd1234efgh' });
    expect(await local.get('vendorKeys')).toEqual({});
    const test = (await ask(route, 'vendor.test', { vendor: 'coinglass' })) as { data: { ok: boolean; message: string } };
    expect(test.data).toEqual({
      ok: false,
      message: 'LiqLens may not contact CoinGlass yet: allow access to https://open-api-v4.coinglass.com on the options page.',
    });
    // A web page may not touch keys.
    expect(await ask(route, 'vendor.setKey', { vendor: 'coinglass', key: 'x' }, fromPage)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('cache.clear empties caches and statuses', async () => {
    const { route, service } = await setup();
    await ask(route, 'snapshot.get', { market: BTC });
    expect(await service.testHooks!.readSnapshot(BTC)).not.toBeNull();
    expect(await ask(route, 'cache.clear')).toEqual({ ok: true, data: { cleared: true } });
    expect(await service.testHooks!.readSnapshot(BTC)).toBeNull();
    expect(await ask(route, 'sources.status')).toEqual({ ok: true, data: expect.any(Array) });
  });

  it('the refresh alarm re-fetches recently viewed markets and purges', async () => {
    const { route, service, calls, clock } = await setup();
    await ask(route, 'snapshot.get', { market: BTC });
    const before = calls.length;
    await clock.advance(5 * 60_000);
    await service.onAlarm(REFRESH_ALARM);
    expect(calls.length).toBeGreaterThan(before);
    const after = calls.length;
    await clock.advance(60 * 60_000);
    await service.onAlarm(REFRESH_ALARM); // not viewed for an hour: left alone
    expect(calls.length).toBe(after);
    await service.onAlarm('something-else');
  });

  it('a killed worker loses no realized totals: a new service on the same database reads them', async () => {
    const rows = recordedForceOrders();
    const clock = new FakeClock(rows[rows.length - 1]!.time + 1000);
    const local = fakeBrowser.storage.local as unknown as LocalStorageArea;
    // Collecting only while a page is open, so the page closing stops the streams (the end of this test).
    await local.set({ settings: { ...DEFAULT_SETTINGS, realizedCollection: 'while-trading-page' } });
    const make = () =>
      createService({
        version: '1',
        fetch: fakeFetch({}).fetch,
        clock,
        timers: clock,
        local,
        permissions: { hasOrigin: async () => false },
        openSocket: (url) => new FakeSocket(url),
        db: createDbHandle(),
      });
    const first = make();
    const listeners: { msg: ((m: unknown) => void)[]; gone: (() => void)[] } = { msg: [], gone: [] };
    first.acceptLivePort({
      name: 'liqlens:live',
      onMessage: { addListener: (f) => listeners.msg.push(f) },
      onDisconnect: { addListener: (f) => listeners.gone.push(f) },
      disconnect() {},
    });
    expect(first.testHooks!.streamsRunning()).toBe(true);
    // Its sockets open once the worker has read the venue switches.
    await expect.poll(() => FakeSocket.opened.some((s) => s.url.includes('binance')), { timeout: 2000 }).toBe(true);
    const binanceSocket = FakeSocket.opened.find((s) => s.url.includes('binance'))!;
    binanceSocket.serverOpen();
    for (const r of rows) binanceSocket.serverSend(forceOrderMessage(r));
    await clock.advance(0);
    const expected = rows.reduce((a, r) => a + r.usdValue, 0);
    expect((await first.testHooks!.readRealized())!.windows['1h'].totalUsd).toBeCloseTo(expected, 2);
    // The worker dies: nothing in memory survives.
    const second = make();
    expect(second.testHooks!.streamsRunning()).toBe(false);
    const after = (await second.testHooks!.readRealized('BTC'))!;
    const btc = rows.filter((r) => r.symbol.startsWith('BTC')).reduce((a, r) => a + r.usdValue, 0);
    expect(after.windows['24h'].totalUsd).toBeCloseTo(btc, 2);
    // The page closes its port: streams stop after the grace period.
    listeners.gone.forEach((f) => f());
    await clock.advance(20_000);
    expect(first.testHooks!.streamsRunning()).toBe(false);
  });

  it('a live port starts the streams and backfills the gap from OKX REST liquidation orders', async () => {
    const clock = new FakeClock(1692266434010 + 10 * 60_000);
    const { fetch } = fakeFetch({
      'https://www.okx.com/api/v5/public/instruments': json(fixture('okx/instruments_SWAP.from-docs.json')),
      'https://www.okx.com/api/v5/public/liquidation-orders?instType=SWAP&instFamily=BTC-USDT': json(fixture('okx/liquidation-orders_SWAP.from-docs.json')),
      'https://www.okx.com/api/v5/public/liquidation-orders?instType=SWAP&instFamily=ETH-USDT': json({ code: '0', msg: '', data: [] }),
    });
    const service = createService({
      version: '1',
      fetch,
      clock,
      timers: clock,
      local: fakeBrowser.storage.local as unknown as LocalStorageArea,
      permissions: { hasOrigin: async () => false },
      openSocket: (url) => new FakeSocket(url),
    });
    service.acceptLivePort({ name: 'liqlens:live', onMessage: { addListener() {} }, onDisconnect: { addListener() {} }, disconnect() {} });
    // Opened once the worker has read the venue switches.
    await expect
      .poll(() => FakeSocket.opened.map((s) => new URL(s.url).host).sort(), { timeout: 2000 })
      .toEqual(['fstream.binance.com', 'stream.bybit.com', 'ws.okx.com:8443']);
    await expect
      .poll(async () => (await service.testHooks!.readRealized('BTC'))?.windows['1h'].byVenue.okx, { timeout: 2000 })
      .toEqual({ longUsd: 2 * 0.01 * 62000, shortUsd: 1 * 0.01 * 63000 });
  });
});

describe('self-check disagreements', () => {
  const row = (exchange: number) => ({ market: BTC, what: 'position', exchange, ours: 79019.9, assumed: ['cross computed as isolated (no account balance)'] });

  it("are kept for the sending page's own market only, listed newest first, from the overlay and our pages", async () => {
    const { route } = await setup();
    expect(await ask(route, 'selfcheck.record', row(79350), fromPage)).toEqual({ ok: true, data: { kept: true } });
    expect(await ask(route, 'selfcheck.record', row(79400), fromPage)).toMatchObject({ ok: true });
    // Another market than the page's own, a malformed figure, or an extension page: refused.
    expect(await ask(route, 'selfcheck.record', { ...row(1), market: { venue: 'binance', symbol: 'ETH/USDT:USDT' } }, fromPage)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ask(route, 'selfcheck.record', { ...row(1), exchange: 'NaN' }, fromPage)).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect(await ask(route, 'selfcheck.record', row(1))).toMatchObject({ ok: false });
    const listed = (await ask(route, 'selfcheck.list', { market: BTC }, fromPage)) as { data: { exchange: number; at: number }[] };
    expect(listed.data.map((r) => r.exchange)).toEqual([79400, 79350]);
    expect(listed.data[0]!.at).toBe(NOW);
  });

  it('are bounded: the oldest is dropped past the limit', async () => {
    const { createDisagreements } = await import('@/core/service/disagreements');
    const { createDbHandle } = await import('@/core/cache/db');
    const kept = createDisagreements(createDbHandle(), new FakeClock(NOW), 3);
    for (const n of [1, 2, 3, 4, 5]) await kept.add({ market: BTC, what: 'mark', exchange: n, ours: 9, assumed: [] });
    expect((await kept.list(BTC)).map((r) => r.exchange)).toEqual([5, 4, 3]);
  });
});
