import { parseUnifiedSymbol, unifiedSymbol } from '../../types';
import { codeMessageEnvelope } from '../../net/errors';
import { defineVenue, type SymbolCodec } from '../venue-types';

/** USDⓈ-M `BTCUSDT` / `ETHUSDC`, COIN-M `BTCUSD_PERP`. */
const symbols: SymbolCodec = {
  toId(symbol) {
    const u = parseUnifiedSymbol(symbol);
    if (!u) return null;
    if (u.contract === 'linear' && (u.quote === 'USDT' || u.quote === 'USDC')) return `${u.base}${u.quote}`;
    if (u.contract === 'inverse' && u.quote === 'USD') return `${u.base}USD_PERP`;
    return null;
  },
  fromId(id) {
    const m = /^([A-Z0-9]{1,20}?)(USDT|USDC)$/.exec(id);
    if (m) return unifiedSymbol(m[1]!, m[2]!);
    const inv = /^([A-Z0-9]{1,20})USD_PERP$/.exec(id);
    return inv ? unifiedSymbol(inv[1]!, 'USD', inv[1]!) : null;
  },
};

/** Binance: where its trading pages are, which hosts we call, how it names markets and what it publishes. */
export const venue = defineVenue({
  id: 'binance',
  label: 'Binance',
  site: {
    // USDⓈ-M under /futures/, COIN-M under /delivery/, with or without a locale prefix.
    pageMatches: [
      'https://www.binance.com/futures/*',
      'https://www.binance.com/*/futures/*',
      'https://www.binance.com/delivery/*',
      'https://www.binance.com/*/delivery/*',
    ],
    pageExcludes: [
      'https://www.binance.com/*/my/*',
      'https://www.binance.com/my/*',
      'https://www.binance.com/*/login*',
      'https://www.binance.com/*/usercenter/*',
    ],
  },
  api: {
    // fapi = USDⓈ-M, dapi = COIN-M public market data. The bracket (tier) table has no key-less
    // endpoint on fapi: the public one lives under /bapi/futures/ on the site host, so only that path.
    origins: ['https://fapi.binance.com/*', 'https://dapi.binance.com/*', 'https://www.binance.com/bapi/futures/*'],
    // 2400 weight/min and 1000 req/5 min for /futures/data; kept well under, one IP may run several browsers.
    limits: {
      'fapi.binance.com': { capacity: 10, perSecond: 3 },
      'dapi.binance.com': { capacity: 10, perSecond: 3 },
      // The public bracket table (bapi) shares the site's host.
      'www.binance.com': { capacity: 5, perSecond: 1 },
    },
    // fapi/dapi errors are {code<0, msg}; bapi answers {code:'000000', success:true} on success.
    errorEnvelope: codeMessageEnvelope(['0', '000000']),
  },
  symbols,
  capabilities: {
    openInterestHistory: true,
    liquidationStream: true,
    liquidationHistory: { absent: 'Binance publishes liquidations only as a stream; its REST history is signed and per account.' },
  },
  modelledByDefault: true,
  vendorNames: { coinglass: 'Binance', coinalyze: 'A' },
});
