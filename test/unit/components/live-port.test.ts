import { describe, expect, it } from 'vitest';
import { createLivePort, type PortHandle } from '@/components/shared/live-port';

function fakePorts() {
  const ports: { sent: unknown[]; drop: () => void; closed: boolean }[] = [];
  const connect = (): PortHandle => {
    const listeners: (() => void)[] = [];
    const rec = { sent: [] as unknown[], drop: () => listeners.forEach((l) => l()), closed: false };
    ports.push(rec);
    return { postMessage: (m) => rec.sent.push(m), disconnect: () => (rec.closed = true), onDisconnect: { addListener: (fn) => listeners.push(fn) } };
  };
  return { ports, connect };
}

describe('live port', () => {
  const btc = { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' };
  it('says the market once, and again after the worker restarts', () => {
    const { ports, connect } = fakePorts();
    const timers: (() => void)[] = [];
    const live = createLivePort(connect, (fn) => timers.push(fn));
    live.watch(btc);
    live.watch({ ...btc });
    expect(ports[0]!.sent).toEqual([{ market: btc }]);
    ports[0]!.drop();
    timers.shift()!();
    expect(ports[1]!.sent).toEqual([{ market: btc }]);
    live.close();
    expect(ports[1]!.closed).toBe(true);
  });
  it('does not reconnect after close', () => {
    const { ports, connect } = fakePorts();
    const timers: (() => void)[] = [];
    const live = createLivePort(connect, (fn) => timers.push(fn));
    live.close();
    ports[0]!.drop();
    timers.forEach((t) => t());
    expect(ports).toHaveLength(1);
  });
});
