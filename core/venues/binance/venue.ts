import { parseUnifiedSymbol, unifiedSymbol } from '../../types';
import type { SymbolCodec, VenueBasics, VenueDescriptor } from '../venue-types';

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

/** What every part of LiqLens needs to know about Binance, the content script included: which pages and API origins are its. */
export const basics = {
  id: 'binance',
  label: 'Binance',
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
  // fapi = USDⓈ-M, dapi = COIN-M public market data. The bracket (tier) table has no key-less
  // endpoint on fapi: the public one lives under /bapi/futures/ on the site host, so only that path.
  apiOrigins: ['https://fapi.binance.com/*', 'https://dapi.binance.com/*', 'https://www.binance.com/bapi/futures/*'],
  modelledByDefault: true,
} as const satisfies VenueBasics;

/** Binance: request budgets, error envelope, market names and what it publishes (the background's facts). */
export const venue: VenueDescriptor<typeof basics.id> = {
  basics,
  api: {
    // 2400 weight/min and 1000 req/5 min for /futures/data; kept well under, one IP may run several browsers.
    limits: {
      'fapi.binance.com': { capacity: 10, perSecond: 3 },
      'dapi.binance.com': { capacity: 10, perSecond: 3 },
      // The public bracket table (bapi) shares the site's host.
      'www.binance.com': { capacity: 5, perSecond: 1 },
    },
    // fapi/dapi errors are {code<0, msg}; bapi answers {code:'000000', success:true} on success.
    errorEnvelope: [{ shape: 'code-message', okCodes: ['0', '000000'] }],
  },
  symbols,
  capabilities: {
    openInterestHistory: true,
    liquidationStream: true,
    liquidationHistory: { absent: 'stream only; REST history is per account' },
  },
  vendorNames: { coinglass: 'Binance', coinalyze: 'A', coinank: 'Binance' },
};
