import { parseUnifiedSymbol, unifiedSymbol } from '../../types';
import { codeMessageEnvelope } from '../../net/errors';
import { defineVenue, type SymbolCodec } from '../venue-types';

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

/** Bitget: where its trading pages are, which hosts we call, how it names markets and what it publishes. */
export const venue = defineVenue({
  id: 'bitget',
  label: 'Bitget',
  site: {
    pageMatches: ['https://www.bitget.com/futures/*', 'https://www.bitget.com/*/futures/*'],
    pageExcludes: ['https://www.bitget.com/*/account/*', 'https://www.bitget.com/account/*'],
  },
  api: {
    origins: ['https://api.bitget.com/*'],
    // 20 requests per second per endpoint.
    limits: { 'api.bitget.com': { capacity: 10, perSecond: 5 } },
    // {code:'00000', msg:'success'} on success.
    errorEnvelope: codeMessageEnvelope(['00000']),
  },
  symbols,
  capabilities: {
    openInterestHistory: { absent: 'Bitget publishes current open interest only, no history.' },
    liquidationStream: { absent: 'Bitget has no public liquidation stream.' },
    liquidationHistory: { absent: 'Bitget has no public liquidation history.' },
  },
  modelledByDefault: false,
  vendorNames: {},
});
