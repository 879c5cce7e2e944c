import { parseUnifiedSymbol, unifiedSymbol, type Market } from '../../types';
import { array, bool, num, numeric, object, optional, str, SchemaError } from '../../messages/schema';
import { byTime, UnsupportedMarket, type BarInterval, type Kline, type VenueMarketData } from '../../net/market-data';
import { venue } from './venue';

const venueSymbol = venue.symbols.toId;

const INFO = 'https://api.hyperliquid.xyz/info';

function target(symbol: string) {
  const id = venueSymbol(symbol);
  if (!id) throw new UnsupportedMarket('hyperliquid', symbol);
  return id;
}

const asset = object({ name: str({ max: 30 }), szDecimals: num({ integer: true, min: 0, max: 10 }), isDelisted: optional(bool) });
const meta = object({ universe: array(asset, { max: 1000 }) });
const ctx = object({ markPx: numeric({ min: 0 }) });

function metaAndCtxs(json: unknown) {
  if (!Array.isArray(json) || json.length < 2) throw new SchemaError('', '[meta, assetCtxs]');
  const m = meta(json[0], '[0]');
  const ctxs = array(ctx, { max: 1000 })(json[1], '[1]');
  if (ctxs.length !== m.universe.length) throw new SchemaError('[1]', `${m.universe.length} asset contexts`);
  return { universe: m.universe, ctxs };
}

/** Prices have at most 5 significant figures and 6 − szDecimals decimals: the tick at a price. */
export function tickAt(price: number, szDecimals: number): number {
  const byDecimals = 10 ** -(6 - szDecimals);
  const bySignificant = 10 ** (Math.floor(Math.log10(price)) - 4);
  return Math.max(byDecimals, bySignificant);
}

/** One coin's universe entry and context from a metaAndAssetCtxs answer (same index in both lists). */
function assetIn(json: unknown, coin: string) {
  const { universe, ctxs } = metaAndCtxs(json);
  const i = universe.findIndex((a) => a.name === coin);
  if (i < 0 || !ctxs[i]) throw new SchemaError('[0].universe', `an asset ${coin}`);
  return { asset: universe[i]!, ctx: ctxs[i]! };
}

const INTERVAL_MS: Record<BarInterval, number> = { '5m': 300_000, '15m': 900_000, '1h': 3_600_000 };

export const marketData: VenueMarketData = {
  venue: 'hyperliquid',
  mark(symbol) {
    const coin = target(symbol);
    return {
      source: 'hyperliquid:metaAndAssetCtxs',
      request: { url: INFO, method: 'POST', body: { type: 'metaAndAssetCtxs' } },
      parse(json) {
        const { ctx } = assetIn(json, coin);
        return { price: ctx.markPx, time: Number.NaN, source: 'hyperliquid:metaAndAssetCtxs' };
      },
    };
  },
  instrument(symbol) {
    const coin = target(symbol);
    return {
      source: 'hyperliquid:metaAndAssetCtxs',
      request: { url: INFO, method: 'POST', body: { type: 'metaAndAssetCtxs' } },
      parse(json) {
        const { asset, ctx } = assetIn(json, coin);
        return {
          market: { venue: 'hyperliquid', symbol },
          contractSize: 1,
          tickSize: tickAt(ctx.markPx, asset.szDecimals),
          source: 'hyperliquid:metaAndAssetCtxs',
        };
      },
    };
  },
  markets() {
    return {
      source: 'hyperliquid:meta',
      request: { url: INFO, method: 'POST', body: { type: 'meta' } },
      parse(json): Market[] {
        return meta(json, '')
          .universe.filter((a) => !a.isDelisted)
          .map((a) => ({ venue: 'hyperliquid' as const, symbol: unifiedSymbol(a.name, 'USDC') }))
          .filter((m) => parseUnifiedSymbol(m.symbol) !== null);
      },
    };
  },
  klines(symbol, interval, limit, now) {
    const coin = target(symbol);
    const ms = INTERVAL_MS[interval];
    const endTime = Math.floor(now / ms) * ms;
    return {
      source: 'hyperliquid:candleSnapshot',
      // t/T are numbers live (HL-SDK cassette 2023-07-17); ccxt's 2024 recording has them as strings: both are read.
      request: {
        url: INFO,
        method: 'POST',
        body: { type: 'candleSnapshot', req: { coin, interval, startTime: endTime - Math.min(5000, limit) * ms, endTime } },
        key: `hyperliquid:candles:${coin}:${interval}:${endTime}`,
      },
      parse(json): Kline[] {
        const rows = array(
          object({
            t: numeric({ min: 0 }),
            T: numeric({ min: 0 }),
            o: numeric({ min: 0 }),
            h: numeric({ min: 0 }),
            l: numeric({ min: 0 }),
            c: numeric({ min: 0 }),
            v: numeric({ min: 0 }),
          }),
          { max: 5000 },
        )(json, '');
        return byTime(rows.filter((r) => r.T < now).map((r) => ({ time: r.t, open: r.o, high: r.h, low: r.l, close: r.c, volume: r.v })));
      },
    };
  },
};
