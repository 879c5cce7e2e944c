import { describe, expect, it } from 'vitest';
import { createOverlaySession, FACTS_PATIENCE_MS } from '@/core/overlay/session';
import { RequestFailed, type RequestFn } from '@/core/messages/client';
import type { MarketSnapshot } from '@/core/messages/protocol';
import { computeLiquidation } from '@/core/liquidation/engine';
import { snapshot } from './fixtures';

const BTC = { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' };
const ETH = { venue: 'binance' as const, symbol: 'ETH/USDT:USDT' };

function harness(answer: (command: string, payload: { market?: { symbol: string } }) => Promise<unknown>, afterFirstPaint?: (task: () => void) => void) {
  const timers: { fn: () => void; ms: number }[] = [];
  const calls: string[] = [];
  const request = ((command: string, payload: { market?: { symbol: string } }) => {
    calls.push(`${command}:${payload.market?.symbol ?? ''}`);
    return answer(command, payload);
  }) as unknown as RequestFn;
  const session = createOverlaySession({
    request,
    compute: computeLiquidation,
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    clearTimeout: () => undefined,
    ...(afterFirstPaint ? { afterFirstPaint } : {}),
  });
  return { session, timers, calls };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('overlay session', () => {
  it('loads the snapshot, tiers and instrument for the market and schedules a refresh', async () => {
    const { session, timers, calls } = harness(async (command) => {
      if (command === 'snapshot.get') return snapshot();
      throw new RequestFailed('source-error', 'no tiers');
    });
    session.setMarket(BTC);
    await flush();
    expect(calls.sort()).toEqual(['instrument.get:BTC/USDT:USDT', 'snapshot.get:BTC/USDT:USDT', 'tiers.get:BTC/USDT:USDT']);
    expect(session.data.get().snapshot?.market).toEqual(BTC);
    expect(session.tiers.get()).toBeNull();
    expect(timers.at(-1)?.ms).toBe(60_000);
  });
  it('asks for tiers and instrument facts only after the first paint, and only for the market still shown', async () => {
    const deferred: (() => void)[] = [];
    const { session, calls } = harness(
      async (command) => (command === 'snapshot.get' ? snapshot() : Promise.reject(new Error('n/a'))),
      (task) => deferred.push(task),
    );
    session.setMarket(BTC);
    await flush();
    // The snapshot (what the first paint shows) is asked for at once; the facts wait.
    expect(calls).toEqual(['snapshot.get:BTC/USDT:USDT']);
    session.setMarket(ETH);
    await flush();
    for (const task of deferred.splice(0)) task();
    await flush();
    // BTC's facts are never asked for: the trader had moved on before the first paint.
    expect(calls.filter((c) => !c.startsWith('snapshot.get')).sort()).toEqual(['instrument.get:ETH/USDT:USDT', 'tiers.get:ETH/USDT:USDT']);
  });
  it('waits for the facts at most FACTS_PATIENCE_MS: a hanging tier request never leaves an order unpriced', async () => {
    const { session, timers } = harness((command) => (command === 'snapshot.get' ? Promise.resolve(snapshot()) : new Promise(() => undefined)));
    session.setMarket(BTC);
    await flush();
    expect(session.factsSettled.get()).toBe(false);
    const patience = timers.find((t) => t.ms === FACTS_PATIENCE_MS);
    expect(patience).toBeDefined();
    patience!.fn();
    expect(session.factsSettled.get()).toBe(true);
  });
  it('a late facts answer for the previous market never settles the new one', async () => {
    let answerBtc: () => void = () => undefined;
    const btcTiers = new Promise<void>((r) => (answerBtc = r));
    const { session } = harness((command, payload) => {
      if (command === 'snapshot.get') return Promise.resolve(snapshot());
      if (payload.market?.symbol === BTC.symbol) return btcTiers.then(() => Promise.reject(new Error('n/a')));
      return new Promise(() => undefined);
    });
    session.setMarket(BTC);
    session.setMarket(ETH);
    answerBtc();
    await flush();
    expect(session.factsSettled.get()).toBe(false);
  });
  it('asks for failed facts again when the browser comes back online', async () => {
    let online = false;
    const { session, calls } = harness(async (command) => {
      if (command === 'snapshot.get') return snapshot();
      if (!online) throw new RequestFailed('unreachable', 'offline');
      return command === 'tiers.get'
        ? { market: BTC, tiers: [], source: 'test', asOf: 1 }
        : { market: BTC, contractSize: 1, tickSize: 0.1, source: 'test', asOf: 1 };
    });
    session.setMarket(BTC);
    await flush();
    expect(session.factsSettled.get()).toBe(true);
    expect(session.tiers.get()).toBeNull();
    session.setOnline(false);
    online = true;
    session.setOnline(true);
    await flush();
    expect(calls.filter((c) => c.startsWith('tiers.get'))).toHaveLength(2);
    expect(session.tiers.get()).not.toBeNull();
  });
  it('uses a snapshot request already under way instead of asking twice', async () => {
    const { session, calls } = harness(async (command) => (command === 'snapshot.get' ? snapshot() : Promise.reject(new Error('n/a'))));
    session.setMarket(BTC, Promise.resolve(snapshot({ asOf: 123 })));
    await flush();
    expect(calls.filter((c) => c.startsWith('snapshot.get'))).toEqual([]);
    expect(session.data.get().snapshot?.asOf).toBe(123);
  });
  it('paints the cached snapshot while the current one is assembled, and never lets the cached one replace it', async () => {
    let releaseCurrent: (s: MarketSnapshot) => void = () => undefined;
    let releaseCached: (s: MarketSnapshot | null) => void = () => undefined;
    const { session } = harness(() => Promise.reject(new Error('n/a')));
    const current = new Promise<MarketSnapshot>((r) => (releaseCurrent = r));
    const cached = new Promise<MarketSnapshot | null>((r) => (releaseCached = r));
    session.setMarket(BTC, current, cached);
    releaseCached(snapshot({ asOf: 1, stale: true }));
    await flush();
    expect(session.data.get().snapshot?.asOf).toBe(1);
    expect(session.data.get().pending).toBe(true);
    releaseCurrent(snapshot({ asOf: 2 }));
    await flush();
    expect(session.data.get().snapshot?.asOf).toBe(2);
    expect(session.data.get().pending).toBe(false);

    // The other order: a late cached copy is dropped.
    const late = harness(() => Promise.reject(new Error('n/a')));
    let lateCached: (s: MarketSnapshot | null) => void = () => undefined;
    late.session.setMarket(BTC, Promise.resolve(snapshot({ asOf: 5 })), new Promise((r) => (lateCached = r)));
    await flush();
    lateCached(snapshot({ asOf: 4 }));
    await flush();
    expect(late.session.data.get().snapshot?.asOf).toBe(5);
  });
  it('a missing or failed cached copy leaves the overlay loading until the current snapshot', async () => {
    for (const cachedOf of [() => Promise.resolve(null), () => Promise.reject(new Error('worker gone'))]) {
      const cached = cachedOf();
      const { session } = harness(() => Promise.reject(new Error('n/a')));
      let release: (s: MarketSnapshot) => void = () => undefined;
      session.setMarket(BTC, new Promise((r) => (release = r)), cached);
      await flush();
      expect(session.data.get().snapshot).toBeNull();
      release(snapshot({ asOf: 9 }));
      await flush();
      expect(session.data.get().snapshot?.asOf).toBe(9);
    }
  });
  it('refreshes sooner after a failure and keeps the error for the banner', async () => {
    const { session, timers } = harness(async () => {
      throw new RequestFailed('unreachable', 'LiqLens background is not reachable');
    });
    session.setMarket(BTC);
    await flush();
    expect(session.data.get().error).toEqual({ code: 'unreachable', message: 'LiqLens background is not reachable' });
    expect(timers.at(-1)?.ms).toBe(10_000);
  });
  it("never shows a previous market's late answer after a switch", async () => {
    let release: (s: MarketSnapshot) => void = () => undefined;
    const { session } = harness((command, payload) => {
      if (command !== 'snapshot.get') return Promise.reject(new Error('n/a'));
      if (payload.market?.symbol === 'BTC/USDT:USDT') return new Promise((r) => (release = r));
      return Promise.resolve(snapshot({ market: ETH }));
    });
    session.setMarket(BTC);
    session.setMarket(ETH);
    await flush();
    release(snapshot());
    await flush();
    expect(session.data.get().snapshot?.market).toEqual(ETH);
  });
  it('sets the order state only when it changed', async () => {
    const { session } = harness(async () => snapshot());
    session.setMarket(BTC);
    // The market's facts settle first (here: answered with junk, read as no table).
    await flush();
    const seen: string[] = [];
    session.order.subscribe((s) => seen.push(s.kind));
    const input = {
      venue: 'binance' as const,
      marginMode: 'isolated' as const,
      side: 'long' as const,
      entryPrice: 80_000,
      quantity: 1,
      leverage: 20,
      tier: { mmr: 0.004, maintenanceAmount: 0 },
    };
    session.setOrder({ inputs: [input] });
    session.setOrder({ inputs: [{ ...input }] });
    session.setOrder({ missing: ['leverage'], prefill: { entry: 80_000 } });
    session.setOrder({ missing: ['leverage'], prefill: { entry: 80_000 } });
    session.setOrder({ waiting: true });
    session.setOrder({ waiting: true });
    expect(seen).toEqual(['computed', 'unreadable', 'waiting']);
  });
  it('flags a page price far from the mark price, once, and clears it when they agree again', async () => {
    const { session } = harness(async (c) => (c === 'snapshot.get' ? snapshot() : Promise.reject(new Error('x'))));
    session.setMarket(BTC);
    await flush();
    const seen: unknown[] = [];
    session.priceMismatch.subscribe((m) => seen.push(m));
    session.setPagePrice(82_600);
    session.setPagePrice(3_050);
    session.setPagePrice(3_051);
    session.setPagePrice(82_500);
    expect(seen).toEqual([{ page: 3_050, mark: 82_560 }, null]);
  });
  it('prefers the mark price for the order context, else the page price', async () => {
    const { session } = harness(async (c) => (c === 'snapshot.get' ? snapshot({ mark: null }) : Promise.reject(new Error('x'))));
    session.setMarket(BTC);
    await flush();
    session.setPagePrice(81_000);
    expect(session.context()?.markPrice).toBe(81_000);
    session.setPagePrice(Number.NaN);
    expect(session.context()?.markPrice).toBeNull();
  });
});
