import { array, bool, num, object, oneOf, optional, str } from '../messages/schema';
import { qs } from '../net/market-data';
import type { VendorEndpoint } from './coinglass';

export const COINALYZE_API = 'https://api.coinalyze.net/v1';

export interface CoinalyzeMarket {
  symbol: string;
  exchange: string;
  baseAsset: string;
  quoteAsset: string;
}

export function futureMarkets(): VendorEndpoint<CoinalyzeMarket[]> {
  return {
    source: 'coinalyze:future-markets',
    feature: 'the markets list',
    request: { url: `${COINALYZE_API}/future-markets` },
    parse(json) {
      return array(
        object({
          symbol: str({ max: 60 }),
          exchange: str({ max: 10 }),
          base_asset: str({ max: 30 }),
          quote_asset: str({ max: 30 }),
          is_perpetual: bool,
          margined: optional(oneOf(['STABLE', 'COIN'] as const)),
        }),
        { max: 20_000 },
      )(json, '')
        .filter((m) => m.is_perpetual)
        .map((m) => ({ symbol: m.symbol, exchange: m.exchange, baseAsset: m.base_asset, quoteAsset: m.quote_asset }));
    },
  };
}

export interface CoinalyzeLiquidations {
  symbol: string;
  history: { time: number; longUsd: number; shortUsd: number }[];
}

/** `/liquidation-history` in USD; `from`/`to` are unix SECONDS; at most 20 symbols per call. */
export function liquidationHistory(symbols: string[], from: number, to: number): VendorEndpoint<CoinalyzeLiquidations[]> {
  return {
    source: 'coinalyze:liquidation-history',
    feature: 'liquidation history',
    request: {
      url: `${COINALYZE_API}/liquidation-history?${qs({ symbols: symbols.slice(0, 20).join(','), interval: '1hour', from: Math.floor(from / 1000), to: Math.floor(to / 1000), convert_to_usd: 'true' })}`,
    },
    parse(json) {
      return array(
        object({ symbol: str({ max: 60 }), history: array(object({ t: num({ min: 0 }), l: num({ min: 0 }), s: num({ min: 0 }) }), { max: 5000 }) }),
        { max: 20 },
      )(json, '').map((r) => ({
        symbol: r.symbol,
        history: r.history.map((h) => ({ time: h.t * 1000, longUsd: h.l, shortUsd: h.s })),
      }));
    },
  };
}

/** Cheap call for the key test. */
export function exchanges(): VendorEndpoint<unknown[]> {
  return {
    source: 'coinalyze:exchanges',
    feature: 'the exchanges list',
    request: { url: `${COINALYZE_API}/exchanges` },
    parse: (json) => array(object({ name: str({ max: 60 }), code: str({ max: 10 }) }), { max: 500 })(json, ''),
  };
}
