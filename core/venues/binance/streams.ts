import { num, numeric, object, str } from '../../messages/schema';
import { sideClosedByOrder } from '../../realized/sides';
import { safeJson, type LiquidationStream } from '../../realized/stream-types';
import type { LiquidationEvent } from '../../realized/types';
import { venue } from './venue';

/** All-market force orders; since the 2026 URL split they live under /market. */
export const FORCE_ORDER_URL = 'wss://fstream.binance.com/market/ws/!forceOrder@arr';

const forceOrder = object({
  e: str({ max: 20 }),
  o: object({
    s: str({ max: 40 }),
    S: str({ max: 8 }),
    ap: numeric({ min: 0 }),
    p: numeric({ min: 0 }),
    z: numeric({ min: 0 }),
    T: num({ min: 0 }),
  }),
});

/** `o.S` is the liquidation ORDER's side: a SELL closes a long. */
export const liquidatedSide = (orderSide: string) => sideClosedByOrder(orderSide);

/** One `forceOrder` payload (raw or wrapped in a combined-stream {stream, data}) → events. */
export function parseForceOrder(data: string): { events: LiquidationEvent[]; rejected: number } {
  const json = safeJson(data) as { data?: unknown; e?: unknown; result?: unknown } | undefined;
  if (!json || typeof json !== 'object') return { events: [], rejected: 1 };
  const payload = 'data' in json && json.data ? json.data : json;
  if ((payload as { e?: unknown }).e !== 'forceOrder') return { events: [], rejected: 'result' in json ? 0 : 1 };
  try {
    const { o } = forceOrder(payload, '');
    const side = liquidatedSide(o.S);
    const symbol = venue.symbols.fromId(o.s);
    const price = o.ap > 0 ? o.ap : o.p;
    if (!side || !symbol || !(price > 0) || !(o.z > 0) || !Number.isFinite(o.z * price)) return { events: [], rejected: 1 };
    // z (filled) × ap (average fill) is the notional; Binance pushes at most one per symbol per second.
    return { events: [{ venue: 'binance', symbol, side, price, quantity: o.z, usd: o.z * price, time: o.T }], rejected: 0 };
  } catch {
    return { events: [], rejected: 1 };
  }
}

export const liquidationStream: LiquidationStream = {
  venue: 'binance',
  url: FORCE_ORDER_URL,
  subscribe: () => [],
  // The server pings every 3 min (the browser answers); this request keeps an MV3 worker awake.
  keepalive: { message: JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id: 1 }), everyMs: 20_000 },
  parse: (data) => parseForceOrder(data),
  sampled: 'at most one order per symbol per second',
  defaultSymbols: [],
  venueSymbol: venue.symbols.toId,
};
