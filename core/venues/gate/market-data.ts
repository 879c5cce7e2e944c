import { parseUnifiedSymbol, unifiedSymbol, type Market } from '../../types';
import { array, bool, num, numeric, object, optional, str, SchemaError } from '../../messages/schema';
import { UnsupportedMarket, type VenueMarketData } from '../../net/market-data';
import { venue } from './venue';

const venueSymbol = venue.symbols.toId;

const API = 'https://api.gateio.ws/api/v4';

function target(symbol: string) {
  const id = venueSymbol(symbol);
  // Only the USDT-margined API is wired; coin-margined markets have their own endpoints.
  if (!id?.endsWith('_USDT')) throw new UnsupportedMarket('gate', symbol);
  return id;
}

const contract = object({
  name: str({ max: 40 }),
  mark_price: numeric({ min: 0 }),
  quanto_multiplier: numeric({ min: 0 }),
  order_price_round: numeric({ min: 0 }),
  mark_price_round: optional(numeric({ min: 0 })),
  in_delisting: optional(bool),
  update_time: optional(num({ min: 0 })),
});

export const marketData: VenueMarketData = {
  venue: 'gate',
  mark(symbol) {
    const id = target(symbol);
    return {
      source: 'gate:tickers',
      request: { url: `${API}/futures/usdt/tickers?contract=${encodeURIComponent(id)}` },
      parse(json) {
        const row = array(object({ contract: str({ max: 40 }), mark_price: numeric({ min: 0 }) }), { max: 10 })(json, '').find((r) => r.contract === id);
        if (!row) throw new SchemaError('', `a ticker for ${id}`);
        // Gate's ticker carries no timestamp: the figure is as of the fetch.
        return { price: row.mark_price, time: Number.NaN, source: 'gate:tickers' };
      },
    };
  },
  instrument(symbol) {
    const id = target(symbol);
    return {
      source: 'gate:contracts',
      request: { url: `${API}/futures/usdt/contracts/${encodeURIComponent(id)}` },
      parse(json) {
        const row = contract(json, '');
        if (row.name !== id) throw new SchemaError('name', id);
        // Gate sizes are contracts of quanto_multiplier coins.
        return { market: { venue: 'gate', symbol }, contractSize: row.quanto_multiplier, tickSize: row.order_price_round, source: 'gate:contracts' };
      },
    };
  },
  markets() {
    return {
      source: 'gate:contracts',
      request: { url: `${API}/futures/usdt/contracts` },
      parse(json): Market[] {
        return array(contract, { max: 2000 })(json, '')
          .filter((r) => !r.in_delisting && /^[A-Z0-9]+_USDT$/.test(r.name))
          .map((r) => ({ venue: 'gate' as const, symbol: unifiedSymbol(r.name.slice(0, -5), 'USDT') }))
          .filter((m) => parseUnifiedSymbol(m.symbol) !== null);
      },
    };
  },
};
