import { parseUnifiedSymbol, unifiedSymbol } from '../../types';
import { labelEnvelope } from '../../net/errors';
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

/** Gate: where its trading pages are, which hosts we call, how it names markets and what it publishes. */
export const venue = defineVenue({
  id: 'gate',
  label: 'Gate',
  site: {
    // gate.io moved to gate.com; both hosts still serve the trading pages.
    pageMatches: [
      'https://www.gate.com/futures/*',
      'https://www.gate.com/*/futures/*',
      'https://www.gate.io/futures/*',
      'https://www.gate.io/*/futures/*',
    ],
    pageExcludes: ['https://www.gate.com/*/myaccount/*', 'https://www.gate.io/*/myaccount/*'],
  },
  api: {
    origins: ['https://api.gateio.ws/*'],
    // 200 requests per 10 s per endpoint for public futures data.
    limits: { 'api.gateio.ws': { capacity: 10, perSecond: 5 } },
    // Errors are {label, message} with a non-2xx status.
    errorEnvelope: labelEnvelope,
  },
  symbols,
  capabilities: {
    openInterestHistory: { absent: 'The key-less model is not wired to Gate contract stats yet.' },
    liquidationStream: { absent: 'Not wired: Gate has a public liquidation feed, not yet recorded or tested here.' },
    liquidationHistory: { absent: 'Not wired yet: Gate publishes liq_orders (a real 2023 capture exists in the fixtures research) but no parser is built.' },
  },
  modelledByDefault: false,
  vendorNames: { coinalyze: 'Y' },
});
