import { array, literal, nullable, num, numeric, object, oneOf, optional, str, SchemaError, type Schema } from '../messages/schema';
import { qs } from '../net/market-data';
import type { VendorEndpoint, VendorLevel } from './coinglass';

/**
 * CoinAnk's open API (the seed report's own source). Shapes and codes are from CoinAnk's published
 * OpenAPI files (coinank-openapi-skill, references/liquidation.openapi.json) and its CLI; no recorded
 * response was found, so the fixtures are built from those documents.
 */
export const COINANK_API = 'https://open-api.coinank.com';

/** Every success is {success:true, code:"1", data}; errors are {success:false, code:"-3"…} (read by the fetcher). */
const envelope = <T>(data: Schema<T>) => object({ success: literal(true), code: literal('1'), data });

/** No single liquidation figure CoinAnk reports can be above this: anything larger is broken data. */
const MAX_USD = 1e12;
const usd = num({ min: 0, max: MAX_USD });
/** CoinAnk leaves a side out when nothing was liquidated on it (the documented aggregated-history example does). */
const usdOrAbsent = optional(usd);
const time = num({ min: 0, max: 1e14, integer: true });

export interface CoinankWindow {
  totalUsd: number;
  /** Null when CoinAnk's long + short does not add up to its total (then only the total is used). */
  longUsd: number | null;
  shortUsd: number | null;
}

export interface CoinankCoinTotals {
  source: 'coinank:coin-intervals';
  coin: string;
  /** Across every exchange CoinAnk tracks (not only the venues LiqLens streams): a network-wide figure. */
  windows: Partial<Record<'1h' | '4h' | '12h' | '24h', CoinankWindow>>;
  /** Number of liquidations CoinAnk counted in 24 h, when it says. */
  count24h: number | null;
  /** CoinAnk's largest single liquidation of the coin in 24 h. */
  largest: { exchange: string; symbol: string; side: 'long' | 'short'; usd: number; time: number } | null;
}

const windowRow = object({ baseCoin: optional(str({ max: 30 })), totalTurnover: usd, longTurnover: usdOrAbsent, shortTurnover: usdOrAbsent });

function toWindow(r: { totalTurnover: number; longTurnover?: number | undefined; shortTurnover?: number | undefined }): CoinankWindow {
  const long = r.longTurnover ?? 0;
  const short = r.shortTurnover ?? 0;
  const consistent = Math.abs(long + short - r.totalTurnover) <= Math.max(1, r.totalTurnover * 0.01);
  return { totalUsd: r.totalTurnover, longUsd: consistent ? long : null, shortUsd: consistent ? short : null };
}

/** `/api/liquidation/allExchange/intervals` (API level 1): one coin's totals over 1 h and 24 h across exchanges. */
export function coinIntervals(coin: string): VendorEndpoint<CoinankCoinTotals> {
  return {
    source: 'coinank:coin-intervals',
    feature: 'the liquidation statistics',
    request: { url: `${COINANK_API}/api/liquidation/allExchange/intervals?${qs({ baseCoin: coin })}` },
    parse(json) {
      const d = envelope(
        object({
          topOrder: optional(
            nullable(
              object({
                symbol: str({ max: 60 }),
                posSide: oneOf(['long', 'short'] as const),
                exchangeName: str({ max: 40 }),
                tradeTurnover: usd,
                ts: time,
              }),
            ),
          ),
          total: optional(num({ min: 0, max: 1e9, integer: true })),
          '1h': optional(windowRow),
          '4h': optional(windowRow),
          '12h': optional(windowRow),
          '24h': windowRow,
        }),
      )(json, '').data;
      const windows: CoinankCoinTotals['windows'] = {};
      for (const w of ['1h', '4h', '12h', '24h'] as const) {
        const row = d[w];
        // Another coin's totals must not be shown as this coin's.
        if (row?.baseCoin !== undefined && row.baseCoin.toUpperCase() !== coin.toUpperCase()) throw new SchemaError(`data.${w}.baseCoin`, JSON.stringify(coin));
        if (row) windows[w] = toWindow(row);
      }
      const top = d.topOrder;
      return {
        source: 'coinank:coin-intervals',
        coin,
        windows,
        count24h: d.total ?? null,
        largest: top ? { exchange: top.exchangeName, symbol: top.symbol, side: top.posSide, usd: top.tradeTurnover, time: top.ts } : null,
      };
    },
  };
}

export interface CoinankPairHour {
  /** Bar open, ms. */
  time: number;
  longUsd: number;
  shortUsd: number;
}

/**
 * `/api/liquidation/history` (API level 1): one exchange's pair, one row per bar, newest `size` bars
 * before `endTime`. CoinAnk wants `endTime` close to the present (code -7 otherwise), so callers pass now.
 */
export function pairHistory(exchange: string, symbol: string, endTime: number, size: number): VendorEndpoint<CoinankPairHour[]> {
  return {
    source: 'coinank:liquidation-history',
    feature: 'the pair liquidation history',
    request: { url: `${COINANK_API}/api/liquidation/history?${qs({ exchange, symbol, interval: '1h', endTime: Math.floor(endTime), size })}` },
    parse(json) {
      const rows = envelope(
        array(object({ symbol: str({ max: 60 }), exchangeName: str({ max: 40 }), ts: time, longTurnover: usdOrAbsent, shortTurnover: usdOrAbsent }), {
          max: 1000,
        }),
      )(json, '').data;
      // A row for another pair or exchange would be summed into the wrong venue's figure.
      rows.forEach((r, i) => {
        if (r.exchangeName.toLowerCase() !== exchange.toLowerCase()) throw new SchemaError(`data[${i}].exchangeName`, JSON.stringify(exchange));
        if (r.symbol !== symbol) throw new SchemaError(`data[${i}].symbol`, JSON.stringify(symbol));
      });
      return rows.map((r) => ({ time: r.ts, longUsd: r.longTurnover ?? 0, shortUsd: r.shortTurnover ?? 0 })).sort((a, b) => a.time - b.time);
    },
  };
}

/** Sums the complete hourly bars in [from, to): the partial current bar and older bars are left out. */
export function sumHours(rows: readonly CoinankPairHour[], from: number, to: number): { longUsd: number; shortUsd: number; hours: number } {
  let longUsd = 0;
  let shortUsd = 0;
  let hours = 0;
  for (const r of rows) {
    if (r.time < from || r.time + 3600_000 > to) continue;
    longUsd += r.longUsd;
    shortUsd += r.shortUsd;
    hours++;
  }
  return { longUsd, shortUsd, hours };
}

export interface CoinankSymbol {
  symbol: string;
  baseCoin: string;
}

/** `/api/baseCoin/symbols` (API level 1): the perpetual pairs CoinAnk knows on one exchange, in its spelling. */
export function symbols(exchange: string): VendorEndpoint<CoinankSymbol[]> {
  return {
    source: 'coinank:symbols',
    feature: 'the trading pairs list',
    request: { url: `${COINANK_API}/api/baseCoin/symbols?${qs({ exchange, productType: 'SWAP' })}` },
    parse: (json) => envelope(array(object({ symbol: str({ max: 60 }), baseCoin: str({ max: 30 }) }), { max: 20_000 }))(json, '').data,
  };
}

/**
 * The coin's USDT perpetual in CoinAnk's spelling of that exchange ("BTCUSDT", "BTC-USDT-SWAP",
 * "BTC_USDT"…): separators and a "SWAP" suffix are ignored when matching.
 */
export function usdtPerpetual(list: readonly CoinankSymbol[], coin: string): string | null {
  const want = `${coin}USDT`.toUpperCase();
  const plain = (s: string) => s.toUpperCase().replace(/[-_/]/g, '').replace(/SWAP$/, '');
  return list.find((s) => s.baseCoin.toUpperCase() === coin.toUpperCase() && plain(s.symbol) === want)?.symbol ?? null;
}

/**
 * `/api/liqMap/getLiqHeatMap` (API level 4): cells [timeIndex, priceIndex, value] as strings over
 * chartTimeArray × priceArray. The current levels are the cells of the newest time index.
 */
export function liqHeatmap(exchange: string, symbol: string, interval: '12h' | '1d' | '3d' | '1w'): VendorEndpoint<VendorLevel[]> {
  return {
    source: `coinank:liq-heatmap:${interval}`,
    feature: 'the liquidation heatmap',
    request: { url: `${COINANK_API}/api/liqMap/getLiqHeatMap?${qs({ exchange, symbol, interval })}` },
    parse(json) {
      const cell = (v: unknown, p: string) => {
        const r = array(numeric({ min: 0, max: MAX_USD }), { max: 3 })(v, p);
        if (r.length !== 3 || !Number.isInteger(r[0]) || !Number.isInteger(r[1])) throw new SchemaError(p, '[timeIndex, priceIndex, value]');
        return r as [number, number, number];
      };
      const map = envelope(
        object({
          liqHeatMap: object({
            data: array(cell, { max: 500_000 }),
            chartTimeArray: array(time, { max: 10_000 }),
            priceArray: array(num({ min: 0 }), { max: 10_000 }),
          }),
        }),
      )(json, '').data.liqHeatMap;
      let newest = -1;
      for (const [x] of map.data) newest = Math.max(newest, x);
      const levels: VendorLevel[] = [];
      for (const [x, y, value] of map.data) {
        if (x >= map.chartTimeArray.length) throw new SchemaError('data.liqHeatMap.data', 'time indexes inside chartTimeArray');
        const price = map.priceArray[y];
        if (price === undefined) throw new SchemaError('data.liqHeatMap.data', 'price indexes inside priceArray');
        if (x === newest && price > 0 && value > 0) levels.push({ price, usd: value });
      }
      return levels.sort((a, b) => a.price - b.price);
    },
  };
}
