import type { Side } from '../../types';
import { array, numeric, object, str } from '../../messages/schema';
import { sideClosedByOrder, sideOfPosition } from '../../realized/sides';
import { safeJson, type LiquidationStream, type StreamContext, type StreamEndpoint } from '../../realized/stream-types';
import type { LiquidationEvent } from '../../realized/types';
import { qs } from '../../net/market-data';
import { venue } from './venue';
import { contractsEndpoint } from './market-data';

export const PUBLIC_WS_URL = 'wss://ws.okx.com:8443/ws/v5/public';

const detail = object({ side: str({ max: 8 }), posSide: str({ max: 8 }), bkPx: numeric({ min: 0 }), sz: numeric({ min: 0 }), ts: numeric({ min: 0 }) });
const entry = object({ instId: str({ max: 40 }), details: array(detail, { max: 1000 }) });

/** The `details[]` shape shared by the WebSocket push and REST /public/liquidation-orders. */
/** `posSide` names the position in hedge mode; in one-way mode it is "net" and `side` is the order side. */
export function liquidatedSide(posSide: string, side: string): Side | null {
  const pos = posSide.toLowerCase();
  if (pos === 'long' || pos === 'short') return sideOfPosition(pos);
  return pos === 'net' ? sideClosedByOrder(side) : null;
}

export function parseLiquidationEntries(data: unknown, context: StreamContext): { events: LiquidationEvent[]; rejected: number } {
  let entries;
  try {
    entries = array(entry, { max: 1000 })(data, 'data');
  } catch {
    return { events: [], rejected: 1 };
  }
  const events: LiquidationEvent[] = [];
  let rejected = 0;
  for (const e of entries) {
    const symbol = venue.symbols.fromId(e.instId);
    const contract = context.contract(e.instId);
    for (const d of e.details) {
      const side = liquidatedSide(d.posSide, d.side);
      // sz is in contracts: unknown contract value means an unknown notional, so skip it.
      if (!symbol || !contract || !side || !(d.bkPx > 0) || !(d.sz > 0)) {
        rejected++;
        continue;
      }
      const usd = contract.inverse ? d.sz * contract.ctVal : d.sz * contract.ctVal * d.bkPx;
      const quantity = contract.inverse ? usd / d.bkPx : d.sz * contract.ctVal;
      // Absurd sizes or prices overflow the product: not a liquidation anyone could report.
      if (!Number.isFinite(usd) || !Number.isFinite(quantity)) {
        rejected++;
        continue;
      }
      events.push({ venue: 'okx', symbol, side, price: d.bkPx, quantity, usd, time: d.ts });
    }
  }
  return { events, rejected };
}

export function parseLiquidationPush(data: string, context: StreamContext) {
  if (data === 'pong') return { events: [], rejected: 0 };
  const json = safeJson(data) as { arg?: { channel?: unknown }; event?: unknown; data?: unknown } | undefined;
  if (!json || typeof json !== 'object') return { events: [], rejected: 1 };
  if (json.event) return { events: [], rejected: json.event === 'error' ? 1 : 0 };
  if (json.arg?.channel !== 'liquidation-orders') return { events: [], rejected: 1 };
  return parseLiquidationEntries(json.data, context);
}

/** REST backfill: the newest liquidation orders of one instrument family ("BTC-USDT"); `after` pages to older ones. */
export function liquidationOrdersEndpoint(instFamily: string, olderThan?: number): StreamEndpoint<{ events: LiquidationEvent[]; rejected: number }> {
  const params: Record<string, string | number> = { instType: 'SWAP', instFamily, state: 'filled', limit: 100 };
  // OKX's `after`: records earlier than this ts (its pagination of this endpoint).
  if (olderThan !== undefined) params.after = Math.floor(olderThan);
  return {
    source: 'okx:liquidation-orders',
    request: { url: `https://www.okx.com/api/v5/public/liquidation-orders?${qs(params)}` },
    parse(json, context) {
      const body = object({ data: array((v) => v, { max: 1000 }) })(json, '');
      return parseLiquidationEntries(body.data, context);
    },
  };
}

export const liquidationStream: LiquidationStream = {
  venue: 'okx',
  url: PUBLIC_WS_URL,
  // One subscription covers every swap: the channel is per instType, filtered client-side.
  subscribe: () => [JSON.stringify({ op: 'subscribe', args: [{ channel: 'liquidation-orders', instType: 'SWAP' }] })],
  // OKX drops a connection after 30 s without data; it wants the text "ping".
  keepalive: { message: 'ping', everyMs: 20_000 },
  parse: parseLiquidationPush,
  contracts: contractsEndpoint(),
  // OKX's channel docs: at most one liquidation order per contract per second.
  sampled: 'at most one order per contract per second',
  defaultSymbols: [],
  venueSymbol: venue.symbols.toId,
};
