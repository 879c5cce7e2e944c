import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SocketLike } from '@/core/realized/stream-manager';

export const fixtureText = (path: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/api/${path}`, import.meta.url)), 'utf8');

export interface ForceOrderRow {
  time: number;
  symbol: string;
  side: 'BUY' | 'SELL';
  avgPrice: number;
  filledQty: number;
  usdValue: number;
}

/** The recorded Binance force orders (derived CSV of the forceOrder stream). */
export function recordedForceOrders(): ForceOrderRow[] {
  const [, ...lines] = fixtureText('streams/binance_um_forceorder_derived_2025-10-22T0936-0949_BTC_ETH.recorded.csv').trim().split('\n');
  return lines.map((line) => {
    const [ts, symbol, side, ap, z, usd] = line.split(',') as [string, string, 'BUY' | 'SELL', string, string, string];
    return { time: Date.parse(`${ts}Z`), symbol, side, avgPrice: Number(ap), filledQty: Number(z), usdValue: Number(usd) };
  });
}

/**
 * Rebuilds the `!forceOrder@arr` message of a recorded row. The CSV kept o.T, o.s, o.S, o.ap
 * and o.z; the other fields get the documented values of a filled IOC liquidation order.
 */
export function forceOrderMessage(r: ForceOrderRow): string {
  return JSON.stringify({
    e: 'forceOrder',
    E: r.time + 5,
    o: {
      s: r.symbol,
      S: r.side,
      o: 'LIMIT',
      f: 'IOC',
      q: String(r.filledQty),
      p: String(r.avgPrice),
      ap: String(r.avgPrice),
      X: 'FILLED',
      l: String(r.filledQty),
      z: String(r.filledQty),
      T: r.time,
    },
  });
}

/** A WebSocket stand-in the test drives by hand. */
export class FakeSocket implements SocketLike {
  static opened: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  closed: { code?: number; reason?: string } | null = null;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
  send(data: string) {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(data);
  }
  close(code?: number, reason?: string) {
    this.closed = { code, reason };
    this.readyState = 3;
  }
  serverOpen() {
    this.readyState = 1;
    this.onopen?.({});
  }
  serverSend(data: string) {
    this.onmessage?.({ data });
  }
  serverClose(code = 1006, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}
