import { array, nullable, num, numeric, object, record, str, unknownValue, SchemaError } from '../messages/schema';
import { qs } from '../net/market-data';
import type { RequestSpec } from '../net/request';

export const COINGLASS_API = 'https://open-api-v4.coinglass.com';

export interface VendorEndpoint<T> {
  source: string;
  /** What the user would miss, for plan errors: "the liquidation map". */
  feature: string;
  request: RequestSpec;
  parse(json: unknown): T;
}

/** Every response is {code:"0", msg, data}; errors arrive as HTTP 200 with another code. */
const envelope = <T>(data: (v: unknown, p: string) => T) => object({ code: str({ max: 10 }), data });

export interface VendorRealized {
  source: string;
  /** Exchange name as CoinGlass writes it ("All", "Binance", "OKX"…). */
  exchange: string;
  totalUsd: number;
  /** Null when CoinGlass's long/short split is broken (long + short ≠ total, a known data bug). */
  longUsd: number | null;
  shortUsd: number | null;
}

export type RealizedRange = '1h' | '4h' | '12h' | '24h';

/** `/api/futures/liquidation/exchange-list`: per-exchange totals for one coin over a range (all plans). */
export function exchangeList(coin: string, range: RealizedRange): VendorEndpoint<VendorRealized[]> {
  return {
    source: `coinglass:exchange-list:${range}`,
    feature: 'per-exchange liquidation totals',
    request: { url: `${COINGLASS_API}/api/futures/liquidation/exchange-list?${qs({ symbol: coin, range })}` },
    parse(json) {
      const rows = envelope(
        array(
          object({
            exchange: str({ max: 40 }),
            liquidation_usd: numeric({ min: 0 }),
            long_liquidation_usd: numeric({ min: 0 }),
            short_liquidation_usd: numeric({ min: 0 }),
          }),
          { max: 200 },
        ),
      )(json, '').data;
      return rows.map((r) => {
        const consistent = Math.abs(r.long_liquidation_usd + r.short_liquidation_usd - r.liquidation_usd) <= Math.max(1, r.liquidation_usd * 0.01);
        return {
          source: `coinglass:exchange-list:${range}`,
          exchange: r.exchange,
          totalUsd: r.liquidation_usd,
          longUsd: consistent ? r.long_liquidation_usd : null,
          shortUsd: consistent ? r.short_liquidation_usd : null,
        };
      });
    },
  };
}

export interface HistoryPoint {
  time: number;
  longUsd: number;
  shortUsd: number;
}

/** `/api/futures/liquidation/aggregated-history`: numbers or numeric strings, both accepted. */
export function aggregatedHistory(coin: string, exchanges: string[], interval: '1h' | '4h' | '1d', limit: number): VendorEndpoint<HistoryPoint[]> {
  return {
    source: 'coinglass:aggregated-history',
    feature: `${interval} liquidation history`,
    request: {
      url: `${COINGLASS_API}/api/futures/liquidation/aggregated-history?${qs({ exchange_list: exchanges.join(','), symbol: coin, interval, limit })}`,
    },
    parse(json) {
      return envelope(
        array(object({ time: num({ min: 0 }), aggregated_long_liquidation_usd: numeric({ min: 0 }), aggregated_short_liquidation_usd: numeric({ min: 0 }) }), {
          max: 5000,
        }),
      )(json, '')
        .data.map((r) => ({ time: r.time, longUsd: r.aggregated_long_liquidation_usd, shortUsd: r.aggregated_short_liquidation_usd }))
        .sort((a, b) => a.time - b.time);
    },
  };
}

/** A price level with the USD CoinGlass estimates would be liquidated there. */
export interface VendorLevel {
  price: number;
  usd: number;
}

/** `/api/futures/liquidation/aggregated-map` (Professional): {data:{"<price>":[[price, level, leverage|null, null]…]}}. */
export function aggregatedMap(coin: string, range: '1d' | '7d' | '30d'): VendorEndpoint<VendorLevel[]> {
  return {
    source: `coinglass:aggregated-map:${range}`,
    feature: 'the liquidation map',
    request: { url: `${COINGLASS_API}/api/futures/liquidation/aggregated-map?${qs({ symbol: coin, range })}` },
    parse(json) {
      const row = (v: unknown, p: string) => {
        const r = array(unknownValue, { max: 8 })(v, p);
        return { price: num({ min: 0 })(r[0], `${p}[0]`), level: num({ min: 0 })(r[1], `${p}[1]`) };
      };
      const map = envelope(object({ data: record(array(row, { max: 200 }), { maxKeys: 20_000 }) }))(json, '').data.data;
      const levels: VendorLevel[] = [];
      for (const [key, rows] of Object.entries(map)) {
        const price = Number(key);
        if (!Number.isFinite(price) || price <= 0) throw new SchemaError(`data.data.${key}`, 'a price key');
        // One row per leverage tier on per-pair maps: the price's total is their sum.
        levels.push({ price, usd: rows.reduce((a, r) => a + r.level, 0) });
      }
      return levels.sort((a, b) => a.price - b.price);
    },
  };
}

/**
 * `/api/futures/liquidation/aggregated-heatmap/model2` (Professional): sparse [x, y, value] cells;
 * the current levels are the cells of the newest x, not the sum over time.
 */
export function aggregatedHeatmap(coin: string, range: '12h' | '24h' | '3d' | '7d'): VendorEndpoint<VendorLevel[]> {
  return {
    source: `coinglass:aggregated-heatmap-model2:${range}`,
    feature: 'the liquidation heatmap',
    request: { url: `${COINGLASS_API}/api/futures/liquidation/aggregated-heatmap/model2?${qs({ symbol: coin, range })}` },
    parse(json) {
      const cell = (v: unknown, p: string) => {
        const r = array(num(), { max: 3 })(v, p);
        if (r.length !== 3) throw new SchemaError(p, '[x, y, value]');
        return r as [number, number, number];
      };
      const d = envelope(
        object({
          y_axis: array(numeric({ min: 0 }), { max: 5000 }),
          liquidation_leverage_data: array(cell, { max: 500_000 }),
          price_candlesticks: nullable(array(unknownValue, { max: 10_000 })),
        }),
      )(json, '').data;
      let newest = -1;
      for (const [x] of d.liquidation_leverage_data) newest = Math.max(newest, x);
      const levels: VendorLevel[] = [];
      for (const [x, y, value] of d.liquidation_leverage_data) {
        const price = d.y_axis[y];
        if (x === newest && price !== undefined && value > 0) levels.push({ price, usd: value });
      }
      return levels.sort((a, b) => a.price - b.price);
    },
  };
}
