import type { VenueBasics, VenueDescriptor } from '../venue-types';
import { perpSuffixCodec } from '../symbol-codecs';

/** USDT-M `BTCUSDT`; USDC-M perps are named `BTCPERP`; coin-M `BTCUSD`. */
export function productType(id: string): 'USDT-FUTURES' | 'USDC-FUTURES' | 'COIN-FUTURES' {
  return id.endsWith('PERP') ? 'USDC-FUTURES' : id.endsWith('USDT') ? 'USDT-FUTURES' : 'COIN-FUTURES';
}

const symbols = perpSuffixCodec;

/** What every part of LiqLens needs to know about Bitget, the content script included: which pages and API origins are its. */
export const basics = {
  id: 'bitget',
  label: 'Bitget',
  pageMatches: ['https://www.bitget.com/futures/*', 'https://www.bitget.com/*/futures/*'],
  pageExcludes: ['https://www.bitget.com/*/account/*', 'https://www.bitget.com/account/*'],
  apiOrigins: ['https://api.bitget.com/*'],
  modelledByDefault: false,
} as const satisfies VenueBasics;

/** Bitget: request budgets, error envelope, market names and what it publishes (the background's facts). */
export const venue: VenueDescriptor<typeof basics.id> = {
  basics,
  api: {
    // 20 requests per second per endpoint.
    limits: { 'api.bitget.com': { capacity: 10, perSecond: 5 } },
    // {code:'00000', msg:'success'} on success.
    errorEnvelope: [{ shape: 'code-message', okCodes: ['00000'] }],
  },
  symbols,
  capabilities: {
    openInterestHistory: { absent: 'current open interest only' },
    liquidationStream: { absent: 'none public' },
    liquidationHistory: { absent: 'none public' },
  },
  vendorNames: {},
};
