import { array, num, numeric, object, str } from '../../messages/schema';
import { sideOfPosition } from '../../realized/sides';
import { safeJson, type LiquidationStream } from '../../realized/stream-types';
import type { LiquidationEvent } from '../../realized/types';
import { venue } from './venue';
import { parseUnifiedSymbol } from '../../types';

export const LINEAR_PUBLIC_URL = 'wss://stream.bybit.com/v5/public/linear';

const push = object({
  topic: str({ max: 80 }),
  data: array(object({ T: num({ min: 0 }), s: str({ max: 40 }), S: str({ max: 8 }), v: numeric({ min: 0 }), p: numeric({ min: 0 }) }), { max: 1000 }),
});

/** `allLiquidation.{symbol}`: complete, batched every 500 ms; S is the liquidated position's side. */
/** `S` in allLiquidation is the liquidated POSITION's side: "Buy" means a long was liquidated. */
export const liquidatedSide = (positionSide: string) => {
  const s = positionSide.toLowerCase();
  return s === 'buy' || s === 'sell' ? sideOfPosition(s) : null;
};

export function parseAllLiquidation(data: string): { events: LiquidationEvent[]; rejected: number } {
  const json = safeJson(data) as { topic?: unknown; op?: unknown } | undefined;
  if (!json || typeof json !== 'object') return { events: [], rejected: 1 };
  if (typeof json.topic !== 'string' || !json.topic.startsWith('allLiquidation.')) return { events: [], rejected: json.op ? 0 : 1 };
  let rows;
  try {
    rows = push(json, '').data;
  } catch {
    return { events: [], rejected: 1 };
  }
  const events: LiquidationEvent[] = [];
  let rejected = 0;
  for (const r of rows) {
    const side = liquidatedSide(r.S);
    const symbol = venue.symbols.fromId(r.s);
    // The linear stream: an inverse symbol here would be sized in USD, not base coin.
    const linear = symbol !== null && parseUnifiedSymbol(symbol)?.contract === 'linear';
    if (!side || !linear || !(r.v > 0) || !(r.p > 0) || !Number.isFinite(r.v * r.p)) {
      rejected++;
      continue;
    }
    // Linear: v is base coin, p the bankruptcy price.
    events.push({ venue: 'bybit', symbol, side, price: r.p, quantity: r.v, usd: r.v * r.p, time: r.T });
  }
  return { events, rejected };
}

export const liquidationStream: LiquidationStream = {
  venue: 'bybit',
  url: LINEAR_PUBLIC_URL,
  subscribe(symbols) {
    const topics = [...new Set(symbols)].map((s) => `allLiquidation.${s}`);
    const out: string[] = [];
    for (let i = 0; i < topics.length; i += 10) out.push(JSON.stringify({ op: 'subscribe', args: topics.slice(i, i + 10) }));
    return out;
  },
  // Bybit cuts idle connections; it recommends a ping every 20 s.
  keepalive: { message: JSON.stringify({ op: 'ping' }), everyMs: 20_000 },
  parse: (data) => parseAllLiquidation(data),
  defaultSymbols: ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'XRPUSDT', 'DOGEUSDT'],
  venueSymbol: (symbol) => {
    // This stream is the linear USDT one.
    const id = venue.symbols.toId(symbol);
    return id && id.endsWith('USDT') ? id : null;
  },
};
