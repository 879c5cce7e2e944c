import { parseUnifiedSymbol, unifiedSymbol } from '../../types';
import { retCodeEnvelope } from '../../net/errors';
import { defineVenue, type SymbolCodec } from '../venue-types';

/** Linear `BTCUSDT`, USDC perps `BTCPERP`, inverse `BTCUSD`. */
const symbols: SymbolCodec = {
  toId(symbol) {
    const u = parseUnifiedSymbol(symbol);
    if (!u) return null;
    if (u.contract === 'linear' && u.quote === 'USDT') return `${u.base}USDT`;
    if (u.contract === 'linear' && u.quote === 'USDC') return `${u.base}PERP`;
    if (u.contract === 'inverse' && u.quote === 'USD') return `${u.base}USD`;
    return null;
  },
  fromId(id) {
    const m = /^([A-Z0-9]{1,20}?)(USDT|PERP)$/.exec(id);
    if (m) return unifiedSymbol(m[1]!, m[2] === 'PERP' ? 'USDC' : 'USDT');
    const inv = /^([A-Z0-9]{1,20})USD$/.exec(id);
    return inv ? unifiedSymbol(inv[1]!, 'USD', inv[1]!) : null;
  },
};

/** Bybit: where its trading pages are, which hosts we call, how it names markets and what it publishes. */
export const venue = defineVenue({
  id: 'bybit',
  label: 'Bybit',
  site: {
    pageMatches: [
      'https://www.bybit.com/trade/usdt/*',
      'https://www.bybit.com/*/trade/usdt/*',
      'https://www.bybit.com/trade/usdc/*',
      'https://www.bybit.com/*/trade/usdc/*',
      'https://www.bybit.com/trade/inverse/*',
      'https://www.bybit.com/*/trade/inverse/*',
      'https://www.bybit.com/trade/futures/*',
      'https://www.bybit.com/*/trade/futures/*',
    ],
    pageExcludes: ['https://www.bybit.com/*/user/*', 'https://www.bybit.com/user/*'],
  },
  api: {
    origins: ['https://api.bybit.com/*'],
    // 600 requests per 5 s per IP.
    limits: { 'api.bybit.com': { capacity: 10, perSecond: 5 } },
    // v5: {retCode:0, retMsg:'OK'} on success.
    errorEnvelope: retCodeEnvelope,
  },
  symbols,
  capabilities: {
    openInterestHistory: true,
    liquidationStream: true,
    liquidationHistory: { absent: 'Bybit publishes liquidations only on its WebSocket (allLiquidation).' },
  },
  modelledByDefault: true,
  vendorNames: { coinglass: 'Bybit', coinalyze: '6' },
});
