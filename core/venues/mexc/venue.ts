import { parseUnifiedSymbol, unifiedSymbol } from '../../types';
import { successFalseEnvelope } from '../../net/errors';
import { defineVenue, type SymbolCodec } from '../venue-types';

/** USDT-settled `BTC_USDT`, coin-settled `BTC_USD`. */
const symbols: SymbolCodec = {
  toId(symbol) {
    const u = parseUnifiedSymbol(symbol);
    if (u?.contract === 'linear' && u.quote === 'USDT') return `${u.base}_USDT`;
    return u?.contract === 'inverse' && u.quote === 'USD' ? `${u.base}_USD` : null;
  },
  fromId(id) {
    const m = /^([A-Z0-9]{1,20})_(USDT|USD)$/.exec(id);
    if (!m) return null;
    return m[2] === 'USD' ? unifiedSymbol(m[1]!, 'USD', m[1]!) : unifiedSymbol(m[1]!, 'USDT');
  },
};

/** MEXC: where its trading pages are, which hosts we call, how it names markets and what it publishes. */
export const venue = defineVenue({
  id: 'mexc',
  label: 'MEXC',
  site: {
    // /exchange/ is futures on futures.mexc.com but spot on www.mexc.com: only the former is matched.
    pageMatches: [
      'https://futures.mexc.com/exchange/*',
      'https://www.mexc.com/futures/*',
      'https://www.mexc.com/*/futures/*',
    ],
    pageExcludes: ['https://www.mexc.com/*/user/*', 'https://futures.mexc.com/*/assets/*'],
  },
  api: {
    origins: ['https://contract.mexc.com/*'],
    // 20 requests per 2 s per endpoint.
    limits: { 'contract.mexc.com': { capacity: 10, perSecond: 5 } },
    // {success:false, code, message} on error.
    errorEnvelope: successFalseEnvelope,
  },
  symbols,
  capabilities: {
    openInterestHistory: { absent: 'MEXC publishes no open-interest history.' },
    liquidationStream: { absent: 'MEXC has no public liquidation stream.' },
    liquidationHistory: { absent: 'MEXC has no public liquidation history.' },
  },
  modelledByDefault: false,
  vendorNames: {},
});
