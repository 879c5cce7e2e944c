import { unifiedSymbol, type Market } from '../../types';
import { array, num, numeric, object, str, SchemaError } from '../../messages/schema';
import { byTime, qs, UnsupportedMarket, type BarInterval, type VenueMarketData } from '../../net/market-data';
import { venue } from './venue';

const venueSymbol = venue.symbols.toId;

const API = 'https://api.hbdm.com';

function target(symbol: string) {
  const id = venueSymbol(symbol);
  // Only the USDT-margined API is wired; coin-margined markets have their own endpoints.
  if (!id?.endsWith('-USDT')) throw new UnsupportedMarket('htx', symbol);
  return id;
}

const contractInfo = object({
  symbol: str({ max: 20 }),
  contract_code: str({ max: 40 }),
  contract_size: num({ min: 0 }),
  price_tick: num({ min: 0 }),
  contract_status: num(),
});
const PERIOD: Record<BarInterval, string> = { '5m': '5min', '15m': '15min', '1h': '60min' };

export const marketData: VenueMarketData = {
  venue: 'htx',
  mark(symbol) {
    const code = target(symbol);
    return {
      source: 'htx:mark-price-kline',
      // HTX publishes the mark price only as a kline: the newest 1-minute close is the mark.
      request: { url: `${API}/index/market/history/linear_swap_mark_price_kline?${qs({ contract_code: code, period: '1min', size: 1 })}` },
      parse(json) {
        const body = object({
          ch: str({ max: 100 }),
          ts: num({ min: 0 }),
          data: array(object({ id: num({ min: 0 }), close: numeric({ min: 0 }) }), { max: 10 }),
        })(json, '');
        const last = body.data[body.data.length - 1];
        if (!last) throw new SchemaError('data', 'at least one mark-price bar');
        return { price: last.close, time: body.ts, source: 'htx:mark-price-kline' };
      },
    };
  },
  instrument(symbol) {
    const code = target(symbol);
    return {
      source: 'htx:swap_contract_info',
      request: { url: `${API}/linear-swap-api/v1/swap_contract_info?${qs({ contract_code: code })}` },
      parse(json) {
        const row = object({ data: array(contractInfo, { max: 10 }) })(json, '').data.find((r) => r.contract_code === code);
        if (!row) throw new SchemaError('data', `contract info for ${code}`);
        // HTX sizes are in contracts of `contract_size` coins.
        return { market: { venue: 'htx', symbol }, contractSize: row.contract_size, tickSize: row.price_tick, source: 'htx:swap_contract_info' };
      },
    };
  },
  markets() {
    return {
      source: 'htx:swap_contract_info',
      request: { url: `${API}/linear-swap-api/v1/swap_contract_info?${qs({ business_type: 'swap' })}` },
      parse(json): Market[] {
        return object({ data: array(contractInfo, { max: 2000 }) })(json, '')
          .data.filter((r) => r.contract_status === 1 && /^[A-Z0-9]+-USDT$/.test(r.contract_code))
          .map((r) => ({ venue: 'htx' as const, symbol: unifiedSymbol(r.symbol, 'USDT') }));
      },
    };
  },
  openInterestHistory(symbol, interval, limit) {
    const code = target(symbol);
    return {
      source: 'htx:swap_his_open_interest',
      request: {
        url: `${API}/linear-swap-api/v1/swap_his_open_interest?${qs({ contract_code: code, period: PERIOD[interval], size: Math.min(200, limit), amount_type: 2 })}`,
      },
      parse(json) {
        const rows = object({ data: object({ tick: array(object({ ts: num({ min: 0 }), volume: num({ min: 0 }), value: num({ min: 0 }) }), { max: 200 }) }) })(
          json,
          '',
        ).data.tick;
        // amount_type 2: volume in coin; value in USDT.
        return byTime(rows.map((r) => ({ time: r.ts, base: r.volume, usd: r.value })));
      },
    };
  },
};
