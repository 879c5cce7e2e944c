import { parseUnifiedSymbol, unifiedSymbol, type Market } from '../../types';
import { array, numeric, object, str, SchemaError } from '../../messages/schema';
import { byTime, ohlcvQuoteRow, qs, UnsupportedMarket, type BarInterval, type Kline, type VenueMarketData } from '../../net/market-data';
import { productType, venue } from './venue';

const venueSymbol = venue.symbols.toId;

const API = 'https://api.bitget.com';

function target(symbol: string) {
  const id = venueSymbol(symbol);
  if (!id) throw new UnsupportedMarket('bitget', symbol);
  return { id, productType: productType(id) };
}

const contract = object({
  symbol: str({ max: 40 }),
  baseCoin: str({ max: 20 }),
  quoteCoin: str({ max: 20 }),
  pricePlace: numeric({ min: 0, max: 20 }),
  priceEndStep: numeric({ min: 0 }),
  symbolStatus: str({ max: 20 }),
});
const GRANULARITY: Record<BarInterval, { code: string; ms: number }> = {
  '5m': { code: '5m', ms: 300_000 },
  '15m': { code: '15m', ms: 900_000 },
  '1h': { code: '1H', ms: 3_600_000 },
};

export const marketData: VenueMarketData = {
  venue: 'bitget',
  mark(symbol) {
    const { id, productType } = target(symbol);
    return {
      source: 'bitget:symbol-price',
      request: { url: `${API}/api/v2/mix/market/symbol-price?${qs({ productType, symbol: id })}` },
      parse(json) {
        const rows = object({ data: array(object({ symbol: str({ max: 40 }), markPrice: numeric({ min: 0 }), ts: numeric({ min: 0 }) }), { max: 10 }) })(
          json,
          '',
        ).data;
        const row = rows.find((r) => r.symbol === id);
        if (!row) throw new SchemaError('data', `a price for ${id}`);
        return { price: row.markPrice, time: row.ts, source: 'bitget:symbol-price' };
      },
    };
  },
  instrument(symbol) {
    const { id, productType } = target(symbol);
    return {
      source: 'bitget:contracts',
      request: { url: `${API}/api/v2/mix/market/contracts?${qs({ productType, symbol: id })}` },
      parse(json) {
        const row = object({ data: array(contract, { max: 10 }) })(json, '').data.find((r) => r.symbol === id);
        if (!row) throw new SchemaError('data', `a contract ${id}`);
        // Tick = priceEndStep × 10^−pricePlace; sizes are in base coin.
        const tickSize = Number((row.priceEndStep * 10 ** -row.pricePlace).toPrecision(12));
        return { market: { venue: 'bitget', symbol }, contractSize: 1, tickSize, source: 'bitget:contracts' };
      },
    };
  },
  markets() {
    return {
      source: 'bitget:contracts',
      request: { url: `${API}/api/v2/mix/market/contracts?${qs({ productType: 'USDT-FUTURES' })}` },
      parse(json): Market[] {
        return object({ data: array(contract, { max: 2000 }) })(json, '')
          .data.filter((r) => r.symbolStatus === 'normal' && r.quoteCoin === 'USDT')
          .map((r) => ({ venue: 'bitget' as const, symbol: unifiedSymbol(r.baseCoin, 'USDT') }))
          .filter((m) => parseUnifiedSymbol(m.symbol) !== null);
      },
    };
  },
  klines(symbol, interval, limit, now) {
    const { id, productType } = target(symbol);
    const g = GRANULARITY[interval];
    return {
      source: 'bitget:candles',
      request: { url: `${API}/api/v2/mix/market/candles?${qs({ productType, symbol: id, granularity: g.code, limit: Math.min(1000, limit) })}` },
      parse(json): Kline[] {
        return byTime(object({ data: array(ohlcvQuoteRow, { max: 1000 }) })(json, '').data.filter((r) => r.time + g.ms <= now));
      },
    };
  },
};
