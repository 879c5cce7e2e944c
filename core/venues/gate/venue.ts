import type { VenueBasics, VenueDescriptor } from '../venue-types';
import { pairCodec } from '../symbol-codecs';

/** USDT-settled `BTC_USDT`, coin-settled `BTC_USD`. */
const symbols = pairCodec('_');

/** What every part of LiqLens needs to know about Gate, the content script included: which pages and API origins are its. */
export const basics = {
  id: 'gate',
  label: 'Gate',
  // gate.io moved to gate.com; both hosts still serve the trading pages.
  pageMatches: ['https://www.gate.com/futures/*', 'https://www.gate.com/*/futures/*', 'https://www.gate.io/futures/*', 'https://www.gate.io/*/futures/*'],
  pageExcludes: ['https://www.gate.com/*/myaccount/*', 'https://www.gate.io/*/myaccount/*'],
  apiOrigins: ['https://api.gateio.ws/*'],
  modelledByDefault: false,
} as const satisfies VenueBasics;

/** Gate: request budgets, error envelope, market names and what it publishes (the background's facts). */
export const venue: VenueDescriptor<typeof basics.id> = {
  basics,
  api: {
    // 200 requests per 10 s per endpoint for public futures data.
    limits: { 'api.gateio.ws': { capacity: 10, perSecond: 5 } },
    // Errors are {label, message} with a non-2xx status.
    errorEnvelope: [{ shape: 'label' }],
  },
  symbols,
  capabilities: {
    openInterestHistory: { absent: 'model not wired to contract_stats' },
    liquidationStream: { absent: 'public feed not recorded or wired' },
    liquidationHistory: true,
  },
  vendorNames: { coinalyze: 'Y', coinank: 'Gate' },
};
