import { beforeEach, describe, expect, it } from 'vitest';
import { createStreamManager } from '@/core/realized/stream-manager';
import { createLivePorts, type PortLike } from '@/core/service/live';
import { liquidationStream as bybit } from '@/core/venues/bybit/streams';
import { FakeClock } from '../net/fakes';
import { FakeSocket } from '../realized/helpers';

beforeEach(() => {
  FakeSocket.opened = [];
});

function port() {
  const on: { msg: ((m: unknown) => void)[]; gone: (() => void)[] } = { msg: [], gone: [] };
  const p: PortLike = {
    name: 'liqlens:live',
    onMessage: { addListener: (f) => on.msg.push(f) },
    onDisconnect: { addListener: (f) => on.gone.push(f) },
    disconnect() {},
  };
  return { p, say: (m: unknown) => on.msg.forEach((f) => f(m)), close: () => on.gone.forEach((f) => f()) };
}

describe('live ports', () => {
  it('run the streams while open, subscribe the market shown, ignore junk, forget closed ports', async () => {
    const clock = new FakeClock();
    const streams = createStreamManager({
      streams: [bybit],
      openSocket: (url) => new FakeSocket(url),
      timers: clock,
      now: clock.now,
      context: () => ({ contract: () => undefined }),
      onEvents: () => undefined,
      symbols: (s) =>
        live
          .watched()
          .map((m) => s.venueSymbol(m.symbol))
          .filter((x): x is string => x !== null),
      lingerMs: 1000,
    });
    // The streams' symbols callback reads `live` only once ports exist.
    const live = createLivePorts(streams, () => undefined);
    const page = port();
    live.accept(page.p);
    const socket = FakeSocket.opened[0]!;
    socket.serverOpen();
    page.say({ market: { venue: 'okx', symbol: 'PEPE/USDT:USDT' } });
    expect(socket.sent.at(-1)).toBe('{"op":"subscribe","args":["allLiquidation.PEPEUSDT"]}');
    const sentBefore = socket.sent.length;
    page.say({ market: { venue: 'okx', symbol: '<script>' } });
    page.say('hello');
    expect(socket.sent.length).toBe(sentBefore);
    expect(live.watched()).toHaveLength(1);
    page.close();
    expect(live.watched()).toHaveLength(0);
    await clock.advance(1000);
    expect(streams.isRunning()).toBe(false);
  });
});
