import type { VenueSite } from '../site-types';

/** Where Binance's derivatives trading pages live and which API hosts LiqLens calls. */
export const site: VenueSite = {
  venue: 'binance',
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
  apiHosts: ['https://fapi.binance.com/*', 'https://dapi.binance.com/*', 'https://www.binance.com/bapi/futures/*'],
};
