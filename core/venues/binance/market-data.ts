import { parseUnifiedSymbol, unifiedSymbol, type Market } from '../../types';
import { array, num, numeric, object, optional, str, unknownValue, SchemaError } from '../../messages/schema';
import { byTime, qs, UnsupportedMarket, type BarInterval, type Kline, type VenueMarketData } from '../../net/market-data';
import { venue } from './venue';

const venueSymbol = venue.symbols.toId;

const FAPI = 'https://fapi.binance.com';
const DAPI = 'https://dapi.binance.com';

function target(symbol: string) {
  const id = venueSymbol(symbol);
  if (!id) throw new UnsupportedMarket('binance', symbol);
  return { id, base: id.endsWith('_PERP') ? DAPI : FAPI, api: id.endsWith('_PERP') ? 'dapi' : 'fapi' };
}

const premiumIndex = object({ symbol: str({ max: 40 }), markPrice: numeric({ min: 0 }), time: num({ min: 0 }) });

const filter = object({ filterType: str({ max: 40 }), tickSize: optional(numeric({ min: 0 })) });
const exchangeSymbol = object({
  symbol: str({ max: 40 }),
  contractType: optional(str({ max: 40 })),
  status: optional(str({ max: 40 })),
  contractStatus: optional(str({ max: 40 })),
  baseAsset: str({ max: 20 }),
  quoteAsset: str({ max: 20 }),
  marginAsset: str({ max: 20 }),
  contractSize: optional(num({ min: 0 })),
  filters: array(filter, { max: 50 }),
});
const exchangeInfo = object({ symbols: array(exchangeSymbol, { max: 5000 }) });

/** The 12-field kline row: [openTime, o, h, l, c, volume, closeTime, quoteVolume, trades, takerBuyBase, takerBuyQuote, ignore]. */
const klineRow = (v: unknown, p: string) => {
  const row = array(unknownValue, { max: 20 })(v, p);
  if (row.length < 11) throw new SchemaError(p, 'a kline row of 11+ fields');
  return {
    time: num({ min: 0, integer: true })(row[0], `${p}[0]`),
    open: numeric({ min: 0 })(row[1], `${p}[1]`),
    high: numeric({ min: 0 })(row[2], `${p}[2]`),
    low: numeric({ min: 0 })(row[3], `${p}[3]`),
    close: numeric({ min: 0 })(row[4], `${p}[4]`),
    volume: numeric({ min: 0 })(row[5], `${p}[5]`),
    closeTime: num({ min: 0 })(row[6], `${p}[6]`),
    quoteVolume: numeric({ min: 0 })(row[7], `${p}[7]`),
    takerBuyVolume: numeric({ min: 0 })(row[9], `${p}[9]`),
  };
};

const oiHist = array(object({ sumOpenInterest: numeric({ min: 0 }), sumOpenInterestValue: numeric({ min: 0 }), timestamp: num({ min: 0 }) }), { max: 1000 });

const INTERVAL: Record<BarInterval, string> = { '5m': '5m', '15m': '15m', '1h': '1h' };

export const marketData: VenueMarketData = {
  venue: 'binance',
  mark(symbol) {
    const { id, base, api } = target(symbol);
    return {
      source: 'binance:premiumIndex',
      request: { url: `${base}/${api}/v1/premiumIndex?${qs({ symbol: id })}` },
      parse(json) {
        // dapi answers with an array even for one symbol; fapi with an object.
        const row = premiumIndex(Array.isArray(json) ? json[0] : json, '');
        if (row.symbol !== id) throw new SchemaError('symbol', id);
        return { price: row.markPrice, time: row.time, source: 'binance:premiumIndex' };
      },
    };
  },
  instrument(symbol) {
    const { id, base, api } = target(symbol);
    return {
      source: 'binance:exchangeInfo',
      request: { url: `${base}/${api}/v1/exchangeInfo` },
      parse(json) {
        const row = exchangeInfo(json, '').symbols.find((s) => s.symbol === id);
        if (!row) throw new SchemaError('symbols', `an entry for ${id}`);
        const tickSize = row.filters.find((f) => f.filterType === 'PRICE_FILTER')?.tickSize;
        if (!tickSize) throw new SchemaError('filters', 'a PRICE_FILTER with tickSize');
        // USDⓈ-M quantities are in base coin; COIN-M contracts are worth `contractSize` USD.
        return { market: { venue: 'binance', symbol }, contractSize: row.contractSize ?? 1, tickSize, source: 'binance:exchangeInfo' };
      },
    };
  },
  markets() {
    return {
      source: 'binance:exchangeInfo',
      request: { url: `${FAPI}/fapi/v1/exchangeInfo` },
      parse(json): Market[] {
        return exchangeInfo(json, '')
          .symbols.filter((s) => s.contractType === 'PERPETUAL' && s.status === 'TRADING' && s.marginAsset === s.quoteAsset)
          .map((s) => ({ venue: 'binance' as const, symbol: unifiedSymbol(s.baseAsset, s.quoteAsset) }))
          .filter((m) => parseUnifiedSymbol(m.symbol) !== null);
      },
    };
  },
  klines(symbol, interval, limit, now) {
    const { id } = target(symbol);
    if (id.endsWith('_PERP')) throw new UnsupportedMarket('binance', symbol);
    return {
      source: 'binance:klines',
      request: { url: `${FAPI}/fapi/v1/klines?${qs({ symbol: id, interval: INTERVAL[interval], limit: Math.min(1500, limit) })}` },
      parse(json): Kline[] {
        const rows = array(klineRow, { max: 1500 })(json, '');
        return byTime(rows.filter((r) => r.closeTime < now).map(({ closeTime: _c, ...bar }) => bar));
      },
    };
  },
  openInterestHistory(symbol, interval, limit) {
    const { id } = target(symbol);
    if (id.endsWith('_PERP')) throw new UnsupportedMarket('binance', symbol);
    return {
      source: 'binance:openInterestHist',
      request: { url: `${FAPI}/futures/data/openInterestHist?${qs({ symbol: id, period: INTERVAL[interval], limit: Math.min(500, limit) })}` },
      parse(json) {
        return byTime(oiHist(json, '').map((r) => ({ time: r.timestamp, base: r.sumOpenInterest, usd: r.sumOpenInterestValue })));
      },
    };
  },
};
