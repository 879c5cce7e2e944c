import { parseUnifiedSymbol, unifiedSymbol } from '../../types';
import { codeMessageEnvelope, eitherEnvelope, statusErrorEnvelope } from '../../net/errors';
import { defineVenue, type SymbolCodec } from '../venue-types';

/** USDT-margined swaps `BTC-USDT`, coin-margined `BTC-USD`. */
const symbols: SymbolCodec = {
  toId(symbol) {
    const u = parseUnifiedSymbol(symbol);
    if (u?.contract === 'linear' && u.quote === 'USDT') return `${u.base}-USDT`;
    return u?.contract === 'inverse' && u.quote === 'USD' ? `${u.base}-USD` : null;
  },
  fromId(id) {
    const m = /^([A-Z0-9]{1,20})-(USDT|USD)$/.exec(id);
    if (!m) return null;
    return m[2] === 'USD' ? unifiedSymbol(m[1]!, 'USD', m[1]!) : unifiedSymbol(m[1]!, 'USDT');
  },
};

/** HTX: where its trading pages are, which hosts we call, how it names markets and what it publishes. */
export const venue = defineVenue({
  id: 'htx',
  label: 'HTX',
  site: {
    // HTX routes the contract through location.hash; the path only says "futures exchange".
    pageMatches: [
      'https://www.htx.com/futures/*',
      'https://www.htx.com/*/futures/*',
    ],
    pageExcludes: ['https://www.htx.com/*/user/*', 'https://www.htx.com/user/*'],
  },
  api: {
    origins: ['https://api.hbdm.com/*'],
    // 240 requests per 3 s per IP.
    limits: { 'api.hbdm.com': { capacity: 10, perSecond: 5 } },
    // v1: {status:'error', err-code, err-msg}; v3: {code:200, msg} on success.
    errorEnvelope: eitherEnvelope(statusErrorEnvelope, codeMessageEnvelope(['200', '0'])),
  },
  symbols,
  capabilities: {
    openInterestHistory: { absent: 'The key-less model is not wired to HTX klines yet.' },
    liquidationStream: true,
    liquidationHistory: { absent: 'Not wired yet: HTX documents a REST liquidation history (swap_liquidation_orders) but no recording of it was found to test against.' },
  },
  modelledByDefault: false,
  vendorNames: { coinalyze: '4' },
});
