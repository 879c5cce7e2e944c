/**
 * Market-id spellings several venues share, as codecs a venue's `venue.ts` picks from (the choice
 * is the venue's fact; the spelling rule is written once here).
 */
import { parseUnifiedSymbol, unifiedSymbol } from '../types';
import type { SymbolCodec } from './venue-types';

/** `BTC{sep}USDT` for USDT-margined swaps and `BTC{sep}USD` for coin-margined ones (HTX `-`, Gate and MEXC `_`). */
export function pairCodec(separator: string): SymbolCodec {
  const id = new RegExp(`^([A-Z0-9]{1,20})${separator}(USDT|USD)$`);
  return {
    toId(symbol) {
      const u = parseUnifiedSymbol(symbol);
      if (u?.contract === 'linear' && u.quote === 'USDT') return `${u.base}${separator}USDT`;
      return u?.contract === 'inverse' && u.quote === 'USD' ? `${u.base}${separator}USD` : null;
    },
    fromId(venueId) {
      const m = id.exec(venueId);
      if (!m) return null;
      return m[2] === 'USD' ? unifiedSymbol(m[1]!, 'USD', m[1]!) : unifiedSymbol(m[1]!, 'USDT');
    },
  };
}

/** `BTCUSDT`, USDC perpetuals named `BTCPERP`, coin-margined `BTCUSD` (Bybit, Bitget). */
export const perpSuffixCodec: SymbolCodec = {
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
