import { parseUnifiedSymbol, unifiedSymbol, type Market } from '../../types';
import { array, numeric, object, optional, str, SchemaError } from '../../messages/schema';
import { byTime, ohlcvQuoteRow, qs, UnsupportedMarket, type BarInterval, type Kline, type VenueMarketData } from '../../net/market-data';
import { venue } from './venue';

const venueSymbol = venue.symbols.toId;

const API = 'https://api.bybit.com';

function target(symbol: string) {
  const id = venueSymbol(symbol);
  if (!id) throw new UnsupportedMarket('bybit', symbol);
  return { id, category: parseUnifiedSymbol(symbol)!.contract };
}

/** v5 envelope: retCode 0 is checked by the fetcher; here only the shape. */
// `time` is a number in the live API; ccxt's recordings (test/fixtures/api/bybit/*.recorded.json) carry
// it as a string, so a numeric string is read too.
const envelope = <T>(list: (v: unknown, p: string) => T) => object({ result: object({ list }), time: optional(numeric({ min: 0 })) });

const ticker = object({ symbol: str({ max: 40 }), markPrice: numeric({ min: 0 }) });
const instrument = object({
  symbol: str({ max: 40 }),
  contractType: str({ max: 40 }),
  status: str({ max: 40 }),
  baseCoin: str({ max: 20 }),
  quoteCoin: str({ max: 20 }),
  settleCoin: str({ max: 20 }),
  priceFilter: object({ tickSize: numeric({ min: 0 }) }),
});

const KLINE_INTERVAL: Record<BarInterval, { code: string; ms: number }> = {
  '5m': { code: '5', ms: 300_000 },
  '15m': { code: '15', ms: 900_000 },
  '1h': { code: '60', ms: 3_600_000 },
};
const OI_INTERVAL: Record<BarInterval, string> = { '5m': '5min', '15m': '15min', '1h': '1h' };

export const marketData: VenueMarketData = {
  venue: 'bybit',
  mark(symbol) {
    const { id, category } = target(symbol);
    return {
      source: 'bybit:tickers',
      request: { url: `${API}/v5/market/tickers?${qs({ category, symbol: id })}` },
      parse(json) {
        const body = envelope(array(ticker, { max: 10 }))(json, '');
        const row = body.result.list.find((t) => t.symbol === id);
        if (!row) throw new SchemaError('result.list', `a ticker for ${id}`);
        if (body.time === undefined) throw new SchemaError('time', 'the server time');
        return { price: row.markPrice, time: body.time, source: 'bybit:tickers' };
      },
    };
  },
  instrument(symbol) {
    const { id, category } = target(symbol);
    return {
      source: 'bybit:instruments-info',
      request: { url: `${API}/v5/market/instruments-info?${qs({ category, symbol: id })}` },
      parse(json) {
        const row = envelope(array(instrument, { max: 10 }))(json, '').result.list.find((r) => r.symbol === id);
        if (!row) throw new SchemaError('result.list', `an instrument ${id}`);
        // Linear qty is base coin; inverse qty is USD contracts of 1 USD.
        return { market: { venue: 'bybit', symbol }, contractSize: 1, tickSize: row.priceFilter.tickSize, source: 'bybit:instruments-info' };
      },
    };
  },
  markets() {
    return {
      source: 'bybit:instruments-info',
      request: { url: `${API}/v5/market/instruments-info?${qs({ category: 'linear', limit: 1000 })}` },
      parse(json): Market[] {
        return envelope(array(instrument, { max: 2000 }))(json, '')
          .result.list.filter((r) => r.contractType === 'LinearPerpetual' && r.status === 'Trading' && r.settleCoin === r.quoteCoin)
          .map((r) => ({ venue: 'bybit' as const, symbol: unifiedSymbol(r.baseCoin, r.quoteCoin) }))
          .filter((m) => parseUnifiedSymbol(m.symbol) !== null);
      },
    };
  },
  klines(symbol, interval, limit, now) {
    const { id, category } = target(symbol);
    const { code, ms } = KLINE_INTERVAL[interval];
    return {
      source: 'bybit:kline',
      request: { url: `${API}/v5/market/kline?${qs({ category, symbol: id, interval: code, limit: Math.min(1000, limit) })}` },
      parse(json): Kline[] {
        // Newest first, and the newest bar is still open. No taker-buy volume here.
        const rows = envelope(array(ohlcvQuoteRow, { max: 1000 }))(json, '').result.list;
        return byTime(rows.filter((r) => r.time + ms <= now));
      },
    };
  },
  openInterestHistory(symbol, interval, limit) {
    const { id, category } = target(symbol);
    return {
      source: 'bybit:open-interest',
      request: { url: `${API}/v5/market/open-interest?${qs({ category, symbol: id, intervalTime: OI_INTERVAL[interval], limit: Math.min(200, limit) })}` },
      parse(json) {
        // Linear OI is in base coin (BTC for BTCUSDT); inverse OI is USD.
        const rows = envelope(array(object({ openInterest: numeric({ min: 0 }), timestamp: numeric({ min: 0 }) }), { max: 200 }))(json, '').result.list;
        return byTime(rows.map((r) => (category === 'inverse' ? { time: r.timestamp, usd: r.openInterest } : { time: r.timestamp, base: r.openInterest })));
      },
    };
  },
};
