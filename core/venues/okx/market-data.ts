import type { Market } from '../../types';
import { array, numeric, object, oneOf, str, unknownValue, SchemaError } from '../../messages/schema';
import { byTime, qs, UnsupportedMarket, type BarInterval, type Kline, type VenueMarketData } from '../../net/market-data';
import { venue } from './venue';

const venueSymbol = venue.symbols.toId;
const unifiedFromVenue = venue.symbols.fromId;

const API = 'https://www.okx.com';

function target(symbol: string) {
  const id = venueSymbol(symbol);
  if (!id) throw new UnsupportedMarket('okx', symbol);
  return id;
}

const data = <T>(row: (v: unknown, p: string) => T, max = 1000) => object({ data: array(row, { max }) });

export const okxInstrument = object({
  instId: str({ max: 40 }),
  instType: str({ max: 20 }),
  ctType: oneOf(['linear', 'inverse', ''] as const),
  ctVal: numeric({ min: 0 }),
  ctValCcy: str({ max: 20 }),
  settleCcy: str({ max: 20 }),
  tickSz: numeric({ min: 0 }),
  state: str({ max: 20 }),
});

/** What a contract is worth: linear ctVal is base coin per contract, inverse ctVal is USD. */
export interface OkxContract {
  ctVal: number;
  inverse: boolean;
}

const candle = (v: unknown, p: string) => {
  const r = array(unknownValue, { max: 12 })(v, p);
  if (r.length < 9) throw new SchemaError(p, 'a candle row of 9 fields');
  return {
    time: numeric({ min: 0 })(r[0], `${p}[0]`),
    open: numeric({ min: 0 })(r[1], `${p}[1]`),
    high: numeric({ min: 0 })(r[2], `${p}[2]`),
    low: numeric({ min: 0 })(r[3], `${p}[3]`),
    close: numeric({ min: 0 })(r[4], `${p}[4]`),
    volCcy: numeric({ min: 0 })(r[6], `${p}[6]`),
    volCcyQuote: numeric({ min: 0 })(r[7], `${p}[7]`),
    confirm: str({ max: 2 })(r[8], `${p}[8]`),
  };
};

const oiRow = (v: unknown, p: string) => {
  const r = array(unknownValue, { max: 6 })(v, p);
  if (r.length < 4) throw new SchemaError(p, 'an open-interest row [ts, oi, oiCcy, oiUsd]');
  return { time: numeric({ min: 0 })(r[0], `${p}[0]`), base: numeric({ min: 0 })(r[2], `${p}[2]`), usd: numeric({ min: 0 })(r[3], `${p}[3]`) };
};

const BAR: Record<BarInterval, string> = { '5m': '5m', '15m': '15m', '1h': '1H' };

export const marketData: VenueMarketData = {
  venue: 'okx',
  mark(symbol) {
    const instId = target(symbol);
    return {
      source: 'okx:mark-price',
      request: { url: `${API}/api/v5/public/mark-price?${qs({ instType: 'SWAP', instId })}` },
      parse(json) {
        const row = data(object({ instId: str({ max: 40 }), markPx: numeric({ min: 0 }), ts: numeric({ min: 0 }) }), 10)(json, '').data.find(
          (r) => r.instId === instId,
        );
        if (!row) throw new SchemaError('data', `a mark price for ${instId}`);
        return { price: row.markPx, time: row.ts, source: 'okx:mark-price' };
      },
    };
  },
  instrument(symbol) {
    const instId = target(symbol);
    return {
      source: 'okx:instruments',
      request: { url: `${API}/api/v5/public/instruments?${qs({ instType: 'SWAP', instId })}` },
      parse(json) {
        const row = data(okxInstrument, 10)(json, '').data.find((r) => r.instId === instId);
        if (!row) throw new SchemaError('data', `an instrument ${instId}`);
        return { market: { venue: 'okx', symbol }, contractSize: row.ctVal, tickSize: row.tickSz, source: 'okx:instruments' };
      },
    };
  },
  markets() {
    return {
      source: 'okx:instruments',
      request: { url: `${API}/api/v5/public/instruments?${qs({ instType: 'SWAP' })}` },
      parse(json): Market[] {
        return data(okxInstrument, 2000)(json, '')
          .data.filter((r) => r.state === 'live')
          .map((r) => unifiedFromVenue(r.instId))
          .filter((s): s is string => s !== null)
          .map((symbol) => ({ venue: 'okx' as const, symbol }));
      },
    };
  },
  klines(symbol, interval, limit) {
    const instId = target(symbol);
    return {
      source: 'okx:candles',
      request: { url: `${API}/api/v5/market/candles?${qs({ instId, bar: BAR[interval], limit: Math.min(300, limit) })}` },
      parse(json): Kline[] {
        // Newest first; confirm "0" marks the bar still forming. volCcy is base coin for linear swaps.
        return byTime(
          data(candle, 300)(json, '')
            .data.filter((r) => r.confirm === '1')
            .map((r) => ({ time: r.time, open: r.open, high: r.high, low: r.low, close: r.close, volume: r.volCcy, quoteVolume: r.volCcyQuote })),
        );
      },
    };
  },
  openInterestHistory(symbol, interval, limit) {
    const instId = target(symbol);
    return {
      source: 'okx:open-interest-history',
      request: { url: `${API}/api/v5/rubik/stat/contracts/open-interest-history?${qs({ instId, period: BAR[interval], limit: Math.min(100, limit) })}` },
      parse(json) {
        return byTime(data(oiRow, 1440)(json, '').data);
      },
    };
  },
  takerBuyVolume(symbol, interval, limit) {
    const instId = target(symbol);
    return {
      source: 'okx:taker-volume-contract',
      // unit=0: volumes in coin, comparable with the candles' volCcy.
      request: { url: `${API}/api/v5/rubik/stat/taker-volume-contract?${qs({ instId, period: BAR[interval], unit: 0, limit: Math.min(100, limit) })}` },
      parse(json) {
        const row = (v: unknown, p: string) => {
          const r = array(unknownValue, { max: 5 })(v, p);
          if (r.length < 3) throw new SchemaError(p, 'a taker-volume row [ts, sellVol, buyVol]');
          return { time: numeric({ min: 0 })(r[0], `${p}[0]`), sell: numeric({ min: 0 })(r[1], `${p}[1]`), buy: numeric({ min: 0 })(r[2], `${p}[2]`) };
        };
        return byTime(data(row, 1440)(json, '').data);
      },
    };
  },
};

/** Contract values for every SWAP, for the liquidation stream (sz is in contracts). */
export function contractsEndpoint() {
  return {
    source: 'okx:instruments',
    request: { url: `${API}/api/v5/public/instruments?${qs({ instType: 'SWAP' })}` },
    parse(json: unknown): Record<string, OkxContract> {
      const out: Record<string, OkxContract> = {};
      for (const r of data(okxInstrument, 2000)(json, '').data) out[r.instId] = { ctVal: r.ctVal, inverse: r.ctType === 'inverse' };
      return out;
    },
  };
}
