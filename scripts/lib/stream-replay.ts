/**
 * Replays recorded liquidation streams over intercepted WebSockets. Binance: the 73 force orders
 * of test/fixtures/replay/binance/binance_um_forceorder_derived_*.csv (a CSV derived from the
 * recorded stream), put back into the documented `forceOrder` message layout, times shifted so the
 * last one happened a minute ago, and sent at connect. Bybit: its documented allLiquidation pushes
 * (built from Bybit's docs, not a recording), shifted likewise. Other streams: closed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPLAY_DIR } from './replay.ts';

export const FORCE_ORDER_FILE = 'binance/binance_um_forceorder_derived_2025-10-22T0936-0949_BTC_ETH.csv';

export interface StreamReplay {
  fixture: string;
  /** Messages to push after the socket opens, in order. */
  messages: string[];
  /** Answer to a client message (subscribe, keepalive), or null. */
  reply: (message: string) => string | null;
}

function forceOrders(now: number): string[] {
  const [header, ...lines] = fs.readFileSync(path.join(REPLAY_DIR, FORCE_ORDER_FILE), 'utf8').trim().split(/\r?\n/);
  const names = header!.split(',');
  const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])) as Record<string, string>);
  const times = rows.map((r) => Date.parse(`${r.timestamp}Z`));
  const shift = now - 60_000 - Math.max(...times);
  return rows.map((r, i) => {
    const time = Math.round(times[i]! + shift);
    return JSON.stringify({
      e: 'forceOrder',
      E: time + 5,
      o: {
        s: r.symbol,
        S: r.side,
        o: 'LIMIT',
        f: 'IOC',
        q: r.filled_qty,
        p: r.avg_price,
        ap: r.avg_price,
        X: 'FILLED',
        l: r.filled_qty,
        z: r.filled_qty,
        T: time,
      },
    });
  });
}

/** Bybit's documented allLiquidation pushes (test/fixtures/api/streams, built from Bybit's docs), shifted so the last was 2 minutes ago. */
export const BYBIT_LIQUIDATION_FILE = '../api/streams/bybit_allLiquidation.from-docs.json';

function bybitLiquidations(now: number): string[] {
  const all = JSON.parse(fs.readFileSync(path.join(REPLAY_DIR, BYBIT_LIQUIDATION_FILE), 'utf8')) as { topic?: string; ts: number; data: { T: number }[] }[];
  // The file also holds the documented acks; only the pushes are replayed.
  const pushes = all.filter((p) => typeof p.topic === 'string');
  const shift = now - 120_000 - Math.max(...pushes.flatMap((p) => p.data.map((d) => d.T)));
  return pushes.map((p) => JSON.stringify({ ...p, ts: p.ts + shift, data: p.data.map((d) => ({ ...d, T: d.T + shift })) }));
}

/** Bybit's pushes are sent only when a test asks (LIQLENS_REPLAY_BYBIT=1); otherwise the socket is accepted and quiet. */
const bybitPushes = () => process.env.LIQLENS_REPLAY_BYBIT === '1';

/** OKX's socket: accepted and quiet (no recording), answering subscribe and the text ping as documented. */
const okxQuiet = (): StreamReplay => ({
  fixture: 'okx (no recording: quiet socket)',
  messages: [],
  reply: (message) => {
    if (message === 'ping') return 'pong';
    try {
      const { op, args } = JSON.parse(message) as { op?: unknown; args?: unknown[] };
      if (op === 'subscribe') return JSON.stringify({ event: 'subscribe', arg: args?.[0] ?? null, connId: 'replay' });
    } catch {
      /* not JSON: no answer */
    }
    return null;
  },
});

export function streamReplay(url: string, now: number): StreamReplay | null {
  const u = new URL(url);
  if (u.hostname === 'ws.okx.com' && u.pathname === '/ws/v5/public') return okxQuiet();
  if (u.hostname === 'stream.bybit.com' && u.pathname === '/v5/public/linear') {
    const pushes = bybitPushes();
    return {
      fixture: pushes ? BYBIT_LIQUIDATION_FILE : 'bybit (pushes not asked for: quiet socket)',
      messages: pushes ? bybitLiquidations(now) : [],
      reply: (message) => {
        try {
          const { op } = JSON.parse(message) as { op?: unknown };
          // Bybit's documented answers to a subscribe and to a ping.
          if (op === 'subscribe') return JSON.stringify({ success: true, ret_msg: '', conn_id: 'replay', op: 'subscribe' });
          if (op === 'ping') return JSON.stringify({ success: true, ret_msg: 'pong', conn_id: 'replay', op: 'ping' });
        } catch {
          /* not JSON: no answer */
        }
        return null;
      },
    };
  }
  if (u.hostname === 'fstream.binance.com' && u.pathname.includes('forceOrder')) {
    return {
      fixture: FORCE_ORDER_FILE,
      messages: forceOrders(now),
      reply: (message) => {
        try {
          const { id } = JSON.parse(message) as { id?: unknown };
          return JSON.stringify({ result: [], id: id ?? null });
        } catch {
          return null;
        }
      },
    };
  }
  return null;
}
