import type { VenueBasics, VenueDescriptor } from '../venue-types';
import { pairCodec } from '../symbol-codecs';

/** USDT-margined swaps `BTC-USDT`, coin-margined `BTC-USD`. */
const symbols = pairCodec('-');

/** What every part of LiqLens needs to know about HTX, the content script included: which pages and API origins are its. */
export const basics = {
  id: 'htx',
  label: 'HTX',
  // HTX routes the contract through location.hash; the path only says "futures exchange".
  pageMatches: ['https://www.htx.com/futures/*', 'https://www.htx.com/*/futures/*'],
  pageExcludes: ['https://www.htx.com/*/user/*', 'https://www.htx.com/user/*'],
  apiOrigins: ['https://api.hbdm.com/*'],
  modelledByDefault: false,
} as const satisfies VenueBasics;

/** HTX: request budgets, error envelope, market names and what it publishes (the background's facts). */
export const venue: VenueDescriptor<typeof basics.id> = {
  basics,
  api: {
    // 240 requests per 3 s per IP.
    limits: { 'api.hbdm.com': { capacity: 10, perSecond: 5 } },
    // v1: {status:'error', err-code, err-msg}; v3: {code:200, msg} on success.
    errorEnvelope: [{ shape: 'status-error' }, { shape: 'code-message', okCodes: ['200', '0'] }],
  },
  symbols,
  capabilities: {
    openInterestHistory: { absent: 'model not wired to HTX klines' },
    liquidationStream: true,
    liquidationHistory: true,
  },
  vendorNames: { coinalyze: '4', coinank: 'Huobi' },
};
