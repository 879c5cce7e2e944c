import { parseUnifiedSymbol, unifiedSymbol, type Market } from '../../types';
import { array, num, object, str, SchemaError } from '../../messages/schema';
import { UnsupportedMarket, type VenueMarketData } from '../../net/market-data';
import { venue } from './venue';

const venueSymbol = venue.symbols.toId;

const API = 'https://contract.mexc.com/api/v1/contract';

function target(symbol: string) {
  const id = venueSymbol(symbol);
  // Only the USDT-margined API is wired; coin-margined markets have their own endpoints.
  if (!id?.endsWith('_USDT')) throw new UnsupportedMarket('mexc', symbol);
  return id;
}

const detail = object({
  symbol: str({ max: 40 }),
  baseCoin: str({ max: 20 }),
  quoteCoin: str({ max: 20 }),
  settleCoin: str({ max: 20 }),
  contractSize: num({ min: 0 }),
  priceUnit: num({ min: 0 }),
  state: num(),
});

export const marketData: VenueMarketData = {
  venue: 'mexc',
  mark(symbol) {
    const id = target(symbol);
    return {
      source: 'mexc:fair_price',
      // MEXC's "fair price" is its mark price.
      request: { url: `${API}/fair_price/${encodeURIComponent(id)}` },
      parse(json) {
        const d = object({ data: object({ symbol: str({ max: 40 }), fairPrice: num({ min: 0 }), timestamp: num({ min: 0 }) }) })(json, '').data;
        if (d.symbol !== id) throw new SchemaError('data.symbol', id);
        return { price: d.fairPrice, time: d.timestamp, source: 'mexc:fair_price' };
      },
    };
  },
  instrument(symbol) {
    const id = target(symbol);
    return {
      source: 'mexc:detail',
      request: { url: `${API}/detail?symbol=${encodeURIComponent(id)}` },
      parse(json) {
        const d = object({ data: detail })(json, '').data;
        if (d.symbol !== id) throw new SchemaError('data.symbol', id);
        // MEXC sizes are contracts ("vol") of contractSize coins.
        return { market: { venue: 'mexc', symbol }, contractSize: d.contractSize, tickSize: d.priceUnit, source: 'mexc:detail' };
      },
    };
  },
  markets() {
    return {
      source: 'mexc:detail',
      request: { url: `${API}/detail` },
      parse(json): Market[] {
        return object({ data: array(detail, { max: 3000 }) })(json, '')
          .data.filter((d) => d.state === 0 && d.quoteCoin === 'USDT' && d.settleCoin === 'USDT')
          .map((d) => ({ venue: 'mexc' as const, symbol: unifiedSymbol(d.baseCoin, 'USDT') }))
          .filter((m) => parseUnifiedSymbol(m.symbol) !== null);
      },
    };
  },
};
