import type { VenueBasics, VenueDescriptor } from '../venue-types';
import { perpSuffixCodec } from '../symbol-codecs';

/** Linear `BTCUSDT`, USDC perps `BTCPERP`, inverse `BTCUSD`. */
const symbols = perpSuffixCodec;

/** What every part of LiqLens needs to know about Bybit, the content script included: which pages and API origins are its. */
export const basics = {
  id: 'bybit',
  label: 'Bybit',
  pageMatches: [
    'https://www.bybit.com/trade/usdt/*',
    'https://www.bybit.com/*/trade/usdt/*',
    'https://www.bybit.com/trade/usdc/*',
    'https://www.bybit.com/*/trade/usdc/*',
    'https://www.bybit.com/trade/inverse/*',
    'https://www.bybit.com/*/trade/inverse/*',
    'https://www.bybit.com/trade/futures/*',
    'https://www.bybit.com/*/trade/futures/*',
  ],
  pageExcludes: ['https://www.bybit.com/*/user/*', 'https://www.bybit.com/user/*'],
  apiOrigins: ['https://api.bybit.com/*'],
  modelledByDefault: true,
} as const satisfies VenueBasics;

/** Bybit: request budgets, error envelope, market names and what it publishes (the background's facts). */
export const venue: VenueDescriptor<typeof basics.id> = {
  basics,
  api: {
    // 600 requests per 5 s per IP.
    limits: { 'api.bybit.com': { capacity: 10, perSecond: 5 } },
    // v5: {retCode:0, retMsg:'OK'} on success.
    errorEnvelope: [{ shape: 'retCode' }],
  },
  symbols,
  capabilities: {
    openInterestHistory: true,
    liquidationStream: true,
    liquidationHistory: { absent: 'WebSocket only' },
  },
  vendorNames: { coinglass: 'Bybit', coinalyze: '6', coinank: 'Bybit' },
};
