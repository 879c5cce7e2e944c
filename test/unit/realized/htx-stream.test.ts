import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { liquidationStream as htx, parseLiquidationNotify } from '@/core/venues/htx/streams';
import { createStreamManager } from '@/core/realized/stream-manager';
import type { LiquidationEvent } from '@/core/realized/types';
import { FakeClock } from '../net/fakes';
import { FakeSocket, fixtureText } from './helpers';

const msgs = (JSON.parse(fixtureText('streams/htx_liquidation_orders.from-docs.json')) as unknown[]).map((m) => JSON.stringify(m));

describe('HTX liquidation notifications (from docs)', () => {
  it('sell+close is a long, buy+close a short; USD is trade_turnover', () => {
    const { events, rejected } = parseLiquidationNotify(msgs[2]!);
    expect(rejected).toBe(0);
    expect(events.map((e) => [e.side, e.usd, e.symbol])).toEqual([
      ['long', 12436.6, 'BTC/USDT:USDT'],
      ['short', 479, 'BTC/USDT:USDT'],
    ]);
    expect(parseLiquidationNotify(msgs[0]!)).toEqual({ events: [], rejected: 0 });
  });

  it('decodes gzip frames, answers the server ping with a pong, and delivers events', async () => {
    const clock = new FakeClock();
    const events: LiquidationEvent[] = [];
    FakeSocket.opened = [];
    const manager = createStreamManager({
      streams: [htx],
      openSocket: (u) => new FakeSocket(u),
      timers: clock,
      now: clock.now,
      context: () => ({ contract: () => undefined }),
      onEvents: (e) => events.push(...e),
    });
    manager.acquire();
    const socket = FakeSocket.opened[0]!;
    socket.serverOpen();
    expect(JSON.parse(socket.sent[0]!)).toEqual({ op: 'sub', cid: 'liqlens', topic: 'public.*.liquidation_orders' });
    const frame = (text: string) => {
      const b = gzipSync(text);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    };
    socket.onmessage?.({ data: frame(msgs[1]!) });
    socket.onmessage?.({ data: frame(msgs[2]!) });
    socket.onmessage?.({ data: new Uint8Array([1, 2, 3]).buffer });
    await new Promise((r) => setTimeout(r, 50));
    expect(socket.sent).toContain('{"op":"pong","ts":"1639122466455"}');
    expect(events).toHaveLength(2);
    expect(manager.status()[0]!.rejected).toBe(1);
    manager.stop();
  });
});
