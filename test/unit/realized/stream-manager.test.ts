import { beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay, createStreamManager } from '@/core/realized/stream-manager';
import { liquidationStream as binance } from '@/core/venues/binance/streams';
import { liquidationStream as bybit } from '@/core/venues/bybit/streams';
import { liquidationStream as okx } from '@/core/venues/okx/streams';
import type { LiquidationEvent } from '@/core/realized/types';
import { FakeClock } from '../net/fakes';
import { FakeSocket, forceOrderMessage, recordedForceOrders } from './helpers';

beforeEach(() => {
  FakeSocket.opened = [];
});

function setup(streams = [binance, bybit, okx]) {
  const clock = new FakeClock();
  const events: LiquidationEvent[] = [];
  const manager = createStreamManager({
    streams,
    openSocket: (url) => new FakeSocket(url),
    timers: clock,
    now: clock.now,
    random: () => 0.5,
    context: () => ({ contract: () => ({ ctVal: 0.01, inverse: false }) }),
    onEvents: (e) => events.push(...e),
    symbols: (s) => (s.venue === 'bybit' ? ['PEPEUSDT'] : []),
    lingerMs: 10_000,
  });
  return { clock, manager, events };
}

describe('stream manager', () => {
  it('connects only while held, subscribes, and stops after the last holder leaves', async () => {
    const { clock, manager } = setup();
    expect(FakeSocket.opened).toHaveLength(0);
    const releasePage = manager.acquire();
    const releasePopup = manager.acquire();
    expect(FakeSocket.opened.map((s) => s.url)).toEqual([
      'wss://fstream.binance.com/market/ws/!forceOrder@arr',
      'wss://stream.bybit.com/v5/public/linear',
      'wss://ws.okx.com:8443/ws/v5/public',
    ]);
    for (const s of FakeSocket.opened) s.serverOpen();
    const bybitSocket = FakeSocket.opened[1]!;
    expect(JSON.parse(bybitSocket.sent[0]!).args).toContain('allLiquidation.PEPEUSDT');
    expect(JSON.parse(FakeSocket.opened[2]!.sent[0]!).args[0]).toEqual({ channel: 'liquidation-orders', instType: 'SWAP' });
    releasePage();
    await clock.advance(20_000);
    expect(manager.isRunning()).toBe(true);
    releasePopup();
    releasePopup(); // a double release must not go negative
    expect(manager.holders()).toBe(0);
    await clock.advance(9_999);
    expect(manager.isRunning()).toBe(true);
    await clock.advance(1);
    expect(manager.isRunning()).toBe(false);
    expect(FakeSocket.opened.every((s) => s.closed?.code === 1000)).toBe(true);
    expect(clock.pendingCount).toBe(0);
  });

  it('sends each venue its keepalive every 20 s', async () => {
    const { clock, manager } = setup();
    manager.acquire();
    for (const s of FakeSocket.opened) s.serverOpen();
    // Keep data flowing so the idle watchdog stays quiet.
    await clock.advance(20_000);
    const [b, y, o] = FakeSocket.opened as [FakeSocket, FakeSocket, FakeSocket];
    expect(o.sent.slice(1)).toEqual(['ping']);
    expect(y.sent.at(-1)).toBe('{"op":"ping"}');
    expect(b.sent).toEqual(['{"method":"LIST_SUBSCRIPTIONS","id":1}']);
  });

  it('delivers parsed events from the recorded Binance force orders', () => {
    const { manager, events } = setup([binance]);
    manager.acquire();
    const socket = FakeSocket.opened[0]!;
    socket.serverOpen();
    const rows = recordedForceOrders();
    for (const r of rows) socket.serverSend(forceOrderMessage(r));
    socket.serverSend('garbage');
    expect(events).toHaveLength(73);
    expect(manager.status()[0]).toMatchObject({ state: 'open', rejected: 1 });
  });

  it('reconnects with exponential back-off and jitter, and resets after data arrives', async () => {
    const { clock, manager } = setup([okx]);
    manager.acquire();
    FakeSocket.opened[0]!.serverClose();
    expect(manager.status()[0]!.state).toBe('waiting');
    // random 0.5 → 75% of the ceiling: 750 ms, then 1500 ms, then 3000 ms.
    await clock.advance(749);
    expect(FakeSocket.opened).toHaveLength(1);
    await clock.advance(1);
    expect(FakeSocket.opened).toHaveLength(2);
    FakeSocket.opened[1]!.serverClose();
    await clock.advance(1500);
    expect(FakeSocket.opened).toHaveLength(3);
    FakeSocket.opened[2]!.serverOpen();
    FakeSocket.opened[2]!.serverSend('pong');
    expect(manager.status()[0]!.attempt).toBe(0);
  });

  it('replaces a connection that goes silent', async () => {
    const { clock, manager } = setup([bybit]);
    manager.acquire();
    FakeSocket.opened[0]!.serverOpen();
    FakeSocket.opened[0]!.readyState = 3; // dead link: keepalives go nowhere, nothing comes back
    await clock.advance(90_000);
    expect(FakeSocket.opened[0]!.closed?.reason).toBe('idle');
    await clock.advance(1000);
    expect(FakeSocket.opened).toHaveLength(2);
  });

  it('back-off is capped at a minute', () => {
    expect(backoffDelay(20, () => 1)).toBe(60_000);
    expect(backoffDelay(0, () => 0)).toBe(500);
  });
});

describe('venue switches', () => {
  it('never connects to a venue the user switched off, and follows a change', () => {
    const clock = new FakeClock();
    const on = new Set(['binance']);
    const manager = createStreamManager({
      streams: [binance, okx],
      openSocket: (url) => new FakeSocket(url),
      timers: clock,
      now: clock.now,
      context: () => ({ contract: () => undefined }),
      onEvents: () => undefined,
      isEnabled: (v) => on.has(v),
    });
    manager.acquire();
    expect(FakeSocket.opened.map((s) => s.url)).toEqual(['wss://fstream.binance.com/market/ws/!forceOrder@arr']);
    on.delete('binance');
    on.add('okx');
    manager.reconcile();
    expect(FakeSocket.opened[0]!.closed?.code).toBe(1000);
    expect(FakeSocket.opened.map((s) => s.url)).toEqual(['wss://fstream.binance.com/market/ws/!forceOrder@arr', 'wss://ws.okx.com:8443/ws/v5/public']);
  });
});
