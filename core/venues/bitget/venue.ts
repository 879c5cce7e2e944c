import { parseUnifiedSymbol, unifiedSymbol } from '../../types';
import type { SymbolCodec, VenueBasics, VenueDescriptor } from '../venue-types';

/** USDT-M `BTCUSDT`; USDC-M perps are named `BTCPERP`; coin-M `BTCUSD`. */
export function productType(id: string): 'USDT-FUTURES' | 'USDC-FUTURES' | 'COIN-FUTURES' {
  return id.endsWith('PERP') ? 'USDC-FUTURES' : id.endsWith('USDT') ? 'USDT-FUTURES' : 'COIN-FUTURES';
}

const symbols: SymbolCodec = {
  toId(symbol) {
    const u = parseUnifiedSymbol(symbol);
    if (!u) return null;
    if (u.contract === 'inverse') return u.quote === 'USD' ? `${u.base}USD` : null;
    if (u.quote === 'USDT') return `${u.base}USDT`;
    if (u.quote === 'USDC') return `${u.base}PERP`;
    return null;
  },
  fromId(id) {
    const m = /^([A-Z0-9]{1,20}?)(USDT|PERP)$/.exec(id);
    if (m) return unifiedSymbol(m[1]!, m[2] === 'PERP' ? 'USDC' : 'USDT');
    const inv = /^([A-Z0-9]{1,20})USD$/.exec(id);
    return inv ? unifiedSymbol(inv[1]!, 'USD', inv[1]!) : null;
  },
};

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
