import { array, numeric, object, optional, SchemaError, str } from '../../messages/schema';
import { qs } from '../../net/market-data';
import type { ContractFacts, HistoryPage, LiquidationHistory, StreamContext, StreamEndpoint } from '../../realized/stream-types';
import type { LiquidationEvent } from '../../realized/types';
import { venue } from './venue';

const API = 'https://api.gateio.ws/api/v4/futures/usdt';
/** Gate's documented maximum `limit` for list endpoints. */
export const PAGE_LIMIT = 1000;
/** Gate's documented widest `from`–`to` interval for `liq_orders`: 3600 s. */
export const WINDOW_S = 3600;

/**
 * One row of `GET /futures/usdt/liq_orders` (public). Gate's SDK docs (FuturesLiqOrder): `size`
 * the user's position size in contracts (sign: positive long, negative short), `order_size` the
 * liquidation order's size (newer answers; the 2023 capture has none, and then the whole position
 * was the order), `left` its maker size, `fill_price` its average taker price, `order_price` its
 * limit price, `time` in seconds. The recorded response carries them as strings (ccxt's capture),
 * the SDK types as numbers: both are read.
 */
const row = object({
  contract: str({ max: 40 }),
  size: numeric(),
  order_size: optional(numeric()),
  left: optional(numeric()),
  fill_price: numeric({ min: 0 }),
  order_price: optional(numeric({ min: 0 })),
  time: numeric({ min: 0 }),
});

/**
 * Rows to events. What is counted is the taker fill, |size| − |left| contracts at `fill_price`:
 * the part left as a maker order has no known fill, so totals stay a lower bound. A row whose
 * contract value is unknown, whose fill is empty or whose product overflows is rejected.
 */
export function parseLiqOrders(json: unknown, context: StreamContext): { events: LiquidationEvent[]; rejected: number } {
  const rows = array((v) => v, { max: PAGE_LIMIT })(json, '');
  const events: LiquidationEvent[] = [];
  let rejected = 0;
  for (const raw of rows) {
    let r;
    try {
      r = row(raw, '');
    } catch {
      rejected++;
      continue;
    }
    const symbol = /_USDT$/.test(r.contract) ? venue.symbols.fromId(r.contract) : null;
    const facts = context.contract(r.contract);
    // A partial liquidation closes less than the position: count the order, not the position.
    const filled = Math.abs(r.order_size ?? r.size) - Math.abs(r.left ?? 0);
    if (!symbol || !facts || facts.inverse || r.size === 0 || !(filled > 0) || !(r.fill_price > 0) || !(facts.ctVal > 0)) {
      rejected++;
      continue;
    }
    const quantity = filled * facts.ctVal;
    const usd = quantity * r.fill_price;
    const time = r.time * 1000;
    if (!Number.isFinite(usd) || !Number.isFinite(time)) {
      rejected++;
      continue;
    }
    events.push({ venue: 'gate', symbol, side: r.size > 0 ? 'long' : 'short', price: r.fill_price, quantity, usd, time });
  }
  return { events, rejected };
}

/**
 * One window of at most Gate's 3600 s, newest first, ending at `olderThan` (epoch ms; else `now`):
 * Gate's `to` is inclusive, so a second read twice counts once (stable ids). The next page starts at
 * the oldest row of a full page, else at the window's start: an empty hour is not the end of the
 * history.
 */
export function liqOrdersEndpoint(contract: string, olderThan: number | undefined, now: number): StreamEndpoint<HistoryPage> {
  const to = Math.floor((olderThan ?? now) / 1000);
  const from = to - WINDOW_S;
  const params = { contract, from, to, limit: PAGE_LIMIT };
  return {
    source: 'gate:liq_orders',
    request: { url: `${API}/liq_orders?${qs(params)}` },
    parse(json, context) {
      const page = parseLiqOrders(json, context);
      const rows = Array.isArray(json) ? json.length : 0;
      // Rows none of which could be read (unknown contract values, a changed shape) are not an empty
      // hour: fail the page, so nothing past it is claimed.
      if (rows > 0 && page.events.length === 0) throw new SchemaError('[]', 'at least one readable liquidation row');
      const times = page.events.map((e) => e.time);
      const next = rows >= PAGE_LIMIT && times.length ? Math.min(...times) : from * 1000;
      return { ...page, next };
    },
  };
}

const contractRow = object({ name: str({ max: 40 }), quanto_multiplier: numeric({ min: 0 }) });

/** Contract values (`quanto_multiplier` coins per contract) of every USDT-settled contract. */
export function contractsEndpoint(): StreamEndpoint<Record<string, ContractFacts>> {
  return {
    source: 'gate:contracts',
    request: { url: `${API}/contracts` },
    parse(json) {
      const out: Record<string, ContractFacts> = {};
      for (const r of array(contractRow, { max: 2000 })(json, '')) out[r.name] = { ctVal: r.quanto_multiplier, inverse: false };
      return out;
    },
  };
}

export const liquidationHistory: LiquidationHistory = {
  venue: 'gate',
  families: ['BTC_USDT', 'ETH_USDT'],
  endpoint: liqOrdersEndpoint,
  contracts: contractsEndpoint(),
  // 24 one-hour windows (more when an hour holds over 1000 rows); the descriptor's budget (5 a
  // second) is far inside Gate's 200 per 10 s.
  maxPages: 30,
};
