import { parseUnifiedSymbol, unifiedSymbol } from '../../types';
import type { ErrorEnvelope } from '../../net/errors';
import { defineVenue, type SymbolCodec } from '../venue-types';

/** Coins Hyperliquid lists per thousand (`kPEPE`), as upper-case unified bases. */
const THOUSANDS = new Set(['KPEPE', 'KSHIB', 'KBONK', 'KFLOKI', 'KLUNC', 'KDOGS', 'KNEIRO']);

/** Info errors come back as `{status: 'err', response: '…'}`. */
const hyperliquidError: ErrorEnvelope = (body) => {
  const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
  return b && b.status === 'err' ? { code: 'err', message: typeof b.response === 'string' ? b.response.slice(0, 200) : 'error' } : null;
};

/**
 * Coin names: `BTC` is `BTC/USDC:USDC`. Coins traded per thousand carry a lower-case `k` (`kPEPE`);
 * unified symbols are upper case as in ccxt (`KPEPE/USDC:USDC`), so the way back needs the list:
 * `KAS`, `KAVA`, `KSM` are coins of their own.
 */
const symbols: SymbolCodec = {
  toId(symbol) {
    const u = parseUnifiedSymbol(symbol);
    if (!u || u.contract !== 'linear' || u.quote !== 'USDC') return null;
    return THOUSANDS.has(u.base) ? `k${u.base.slice(1)}` : u.base;
  },
  fromId(id) {
    return /^[A-Za-z0-9]{1,20}$/.test(id) && !id.includes(':') ? unifiedSymbol(id, 'USDC') : null;
  },
};

/** Hyperliquid: where its trading pages are, which hosts we call, how it names markets and what it publishes. */
export const venue = defineVenue({
  id: 'hyperliquid',
  label: 'Hyperliquid',
  site: {
    pageMatches: ['https://app.hyperliquid.xyz/trade', 'https://app.hyperliquid.xyz/trade?*', 'https://app.hyperliquid.xyz/trade/*'],
    pageExcludes: [],
  },
  api: {
    origins: ['https://api.hyperliquid.xyz/*'],
    // 1200 weight/min per IP, most info requests weigh 20 (≈ 60/min).
    limits: { 'api.hyperliquid.xyz': { capacity: 5, perSecond: 0.8 } },
    errorEnvelope: hyperliquidError,
  },
  symbols,
  capabilities: {
    openInterestHistory: { absent: 'Hyperliquid publishes current open interest only, no history.' },
    liquidationStream: { absent: 'Hyperliquid has no public market-wide liquidation feed; liquidations appear only in each user\'s own fills.' },
    liquidationHistory: { absent: 'Hyperliquid has no public liquidation history.' },
  },
  modelledByDefault: false,
  vendorNames: { coinalyze: 'H' },
});
