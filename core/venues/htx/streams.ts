import type { Side } from '../../types';
import { array, num, numeric, object, str } from '../../messages/schema';
import { sideClosedByOrder } from '../../realized/sides';
import { safeJson, type LiquidationStream } from '../../realized/stream-types';
import type { LiquidationEvent } from '../../realized/types';
import { unifiedSymbol } from '../../types';
import { venue } from './venue';

/**
 * HTX USDT-M liquidation orders on the notification socket. The docs title the topic
 * "no authentication" but also list signature verification. A third-party collector's live probe
 * (2026-09-18) got events on `public.*.liquidation_orders` without a key (5 in 22 minutes); not
 * tried from here, so HTX stays off by default (settings.keylessVenues).
 */
export const NOTIFICATION_URL = 'wss://api.hbdm.com/linear-swap-notification';

/** One liquidation order, as the notification socket and REST `swap_liquidation_orders` both carry it. */
export const liquidationRow = object({
  contract_code: str({ max: 40 }),
  direction: str({ max: 8 }),
  offset: str({ max: 8 }),
  amount: numeric({ min: 0 }),
  trade_turnover: numeric({ min: 0 }),
  price: numeric({ min: 0 }),
  created_at: num({ min: 0 }),
});

const notify = object({
  op: str({ max: 20 }),
  topic: str({ max: 100 }),
  data: array(liquidationRow, { max: 1000 }),
});

/**
 * `direction` is the order side, and only a closing order liquidates: sell+close is a long. In
 * one-way mode HTX documents `offset` "both" (the order closes whatever position there is).
 */
export function liquidatedSide(direction: string, offset: string): Side | null {
  const o = offset.toLowerCase();
  return o === 'close' || o === 'both' ? sideClosedByOrder(direction) : null;
}

export function parseLiquidationNotify(data: string): { events: LiquidationEvent[]; rejected: number } {
  const json = safeJson(data) as { op?: unknown; topic?: unknown } | undefined;
  if (!json || typeof json !== 'object') return { events: [], rejected: 1 };
  if (json.op !== 'notify' || typeof json.topic !== 'string' || !json.topic.endsWith('.liquidation_orders')) {
    const control = json.op === 'ping' || json.op === 'sub' || json.op === 'pong';
    return { events: [], rejected: control ? 0 : 1 };
  }
  let rows;
  try {
    rows = notify(json, '').data;
  } catch {
    return { events: [], rejected: 1 };
  }
  return eventsOfRows(rows);
}

/**
 * Rows to events, the same fields from either source, so an order the stream delivered and a REST
 * backfill read again gets the same id and counts once.
 */
export function eventsOfRows(rows: readonly ReturnType<typeof liquidationRow>[]): { events: LiquidationEvent[]; rejected: number } {
  const events: LiquidationEvent[] = [];
  let rejected = 0;
  for (const r of rows) {
    const side = liquidatedSide(r.direction, r.offset);
    const m = /^([A-Z0-9]{1,20})-USDT$/.exec(r.contract_code);
    // trade_turnover is already in USDT; amount is in coin; volume (contracts) is not needed.
    if (!side || !m || !(r.trade_turnover > 0) || !(r.price > 0)) {
      rejected++;
      continue;
    }
    events.push({ venue: 'htx', symbol: unifiedSymbol(m[1]!, 'USDT'), side, price: r.price, quantity: r.amount, usd: r.trade_turnover, time: r.created_at });
  }
  return { events, rejected };
}

/** Largest compressed frame read, and largest inflated text: a liquidation notify is a few KB. */
export const MAX_FRAME_BYTES = 1_000_000;
export const MAX_INFLATED_BYTES = 1_000_000;

/**
 * HTX frames are gzip-compressed binary. Inflation stops as soon as the output passes
 * MAX_INFLATED_BYTES (a small "gzip bomb" frame would otherwise inflate to gigabytes first);
 * such a frame, or one that is not gzip, gives null.
 */
export async function gunzip(data: unknown, maxInflated = MAX_INFLATED_BYTES): Promise<string | null> {
  const bytes =
    data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : ArrayBuffer.isView(data)
        ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        : data instanceof Blob
          ? new Uint8Array(await data.arrayBuffer())
          : null;
  if (!bytes || bytes.byteLength > MAX_FRAME_BYTES) return null;
  const reader = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxInflated) {
        void reader.cancel().catch(() => undefined);
        return null;
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return null;
  }
  return text + decoder.decode();
}

export const liquidationStream: LiquidationStream = {
  venue: 'htx',
  url: NOTIFICATION_URL,
  subscribe: () => [JSON.stringify({ op: 'sub', cid: 'liqlens', topic: 'public.*.liquidation_orders' })],
  // HTX pings us ({"op":"ping","ts":…}) and drops the connection without a pong.
  keepalive: null,
  reply(data) {
    const json = safeJson(data) as { op?: unknown; ts?: unknown } | undefined;
    return json && json.op === 'ping' && (typeof json.ts === 'string' || typeof json.ts === 'number') ? JSON.stringify({ op: 'pong', ts: json.ts }) : null;
  },
  decode: gunzip,
  parse: (data) => parseLiquidationNotify(data),
  defaultSymbols: [],
  venueSymbol: venue.symbols.toId,
};
