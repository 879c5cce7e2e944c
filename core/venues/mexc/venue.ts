import type { VenueBasics, VenueDescriptor } from '../venue-types';
import { pairCodec } from '../symbol-codecs';

/** USDT-settled `BTC_USDT`, coin-settled `BTC_USD`. */
const symbols = pairCodec('_');

/** What every part of LiqLens needs to know about MEXC, the content script included: which pages and API origins are its. */
export const basics = {
  id: 'mexc',
  label: 'MEXC',
  // /exchange/ is futures on futures.mexc.com but spot on www.mexc.com: only the former is matched.
  pageMatches: ['https://futures.mexc.com/exchange/*', 'https://www.mexc.com/futures/*', 'https://www.mexc.com/*/futures/*'],
  pageExcludes: ['https://www.mexc.com/*/user/*', 'https://futures.mexc.com/*/assets/*'],
  apiOrigins: ['https://contract.mexc.com/*'],
  modelledByDefault: false,
} as const satisfies VenueBasics;

/** MEXC: request budgets, error envelope, market names and what it publishes (the background's facts). */
export const venue: VenueDescriptor<typeof basics.id> = {
  basics,
  api: {
    // 20 requests per 2 s per endpoint.
    limits: { 'contract.mexc.com': { capacity: 10, perSecond: 5 } },
    // {success:false, code, message} on error.
    errorEnvelope: [{ shape: 'success-false' }],
  },
  symbols,
  capabilities: {
    openInterestHistory: { absent: 'no OI history' },
    liquidationStream: { absent: 'none public' },
    liquidationHistory: { absent: 'none public' },
  },
  vendorNames: {},
};
