import { parseUnifiedSymbol, unifiedSymbol } from '../../types';
import { codeMessageEnvelope } from '../../net/errors';
import { defineVenue, type SymbolCodec } from '../venue-types';

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

/** OKX: where its trading pages are, which hosts we call, how it names markets and what it publishes. */
export const venue = defineVenue({
  id: 'okx',
  label: 'OKX',
  site: {
    pageMatches: [
      'https://www.okx.com/trade-swap/*',
      'https://www.okx.com/*/trade-swap/*',
      'https://www.okx.com/trade-futures/*',
      'https://www.okx.com/*/trade-futures/*',
    ],
    pageExcludes: ['https://www.okx.com/*/account/*', 'https://www.okx.com/account/*'],
  },
  api: {
    // OKX serves its public REST API from the same host as the site.
    origins: ['https://www.okx.com/api/*'],
    // 10–40 requests per 2 s per endpoint.
    limits: { 'www.okx.com': { capacity: 5, perSecond: 2 } },
    // {code:'0', msg:'', data} on success.
    errorEnvelope: codeMessageEnvelope(['0']),
  },
  symbols,
  capabilities: {
    openInterestHistory: true,
    liquidationStream: true,
    liquidationHistory: true,
  },
  modelledByDefault: true,
  vendorNames: { coinglass: 'OKX', coinalyze: '3' },
});
