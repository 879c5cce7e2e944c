import { parseUnifiedSymbol, unifiedSymbol } from '../../types';
import type { SymbolCodec, VenueBasics, VenueDescriptor } from '../venue-types';

/** `BTC-USDT-SWAP`, `BTC-USDC-SWAP`, inverse `BTC-USD-SWAP`. */
const symbols: SymbolCodec = {
  toId(symbol) {
    const u = parseUnifiedSymbol(symbol);
    if (!u) return null;
    if (u.contract === 'linear' && (u.quote === 'USDT' || u.quote === 'USDC')) return `${u.base}-${u.quote}-SWAP`;
    if (u.contract === 'inverse' && u.quote === 'USD') return `${u.base}-USD-SWAP`;
    return null;
  },
  fromId(id) {
    const m = /^([A-Z0-9]{1,20})-(USDT|USDC|USD)-SWAP$/.exec(id);
    if (!m) return null;
    return m[2] === 'USD' ? unifiedSymbol(m[1]!, 'USD', m[1]!) : unifiedSymbol(m[1]!, m[2]!);
  },
};

/** What every part of LiqLens needs to know about OKX, the content script included: which pages and API origins are its. */
export const basics = {
  id: 'okx',
  label: 'OKX',
  pageMatches: [
    'https://www.okx.com/trade-swap/*',
    'https://www.okx.com/*/trade-swap/*',
    'https://www.okx.com/trade-futures/*',
    'https://www.okx.com/*/trade-futures/*',
  ],
  pageExcludes: ['https://www.okx.com/*/account/*', 'https://www.okx.com/account/*'],
  // OKX serves its public REST API from the same host as the site.
  apiOrigins: ['https://www.okx.com/api/*'],
  modelledByDefault: true,
} as const satisfies VenueBasics;

/** OKX: request budgets, error envelope, market names and what it publishes (the background's facts). */
export const venue: VenueDescriptor<typeof basics.id> = {
  basics,
  api: {
    // 10–40 requests per 2 s per endpoint.
    limits: { 'www.okx.com': { capacity: 5, perSecond: 2 } },
    // {code:'0', msg:'', data} on success.
    errorEnvelope: [{ shape: 'code-message', okCodes: ['0'] }],
  },
  symbols,
  capabilities: {
    openInterestHistory: true,
    liquidationStream: true,
    liquidationHistory: true,
  },
  vendorNames: { coinglass: 'OKX', coinalyze: '3', coinank: 'OKX' },
};
