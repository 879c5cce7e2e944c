import { parseUnifiedSymbol, unifiedSymbol } from '../../types';
import type { SymbolCodec, VenueBasics, VenueDescriptor } from '../venue-types';

/** Coins Hyperliquid lists per thousand (`kPEPE`), as upper-case unified bases. */
const THOUSANDS = new Set(['KPEPE', 'KSHIB', 'KBONK', 'KFLOKI', 'KLUNC', 'KDOGS', 'KNEIRO']);

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

/** What every part of LiqLens needs to know about Hyperliquid, the content script included: which pages and API origins are its. */
export const basics = {
  id: 'hyperliquid',
  label: 'Hyperliquid',
  pageMatches: ['https://app.hyperliquid.xyz/trade', 'https://app.hyperliquid.xyz/trade?*', 'https://app.hyperliquid.xyz/trade/*'],
  pageExcludes: [],
  apiOrigins: ['https://api.hyperliquid.xyz/*'],
  modelledByDefault: false,
} as const satisfies VenueBasics;

/** Hyperliquid: request budgets, error envelope, market names and what it publishes (the background's facts). */
export const venue: VenueDescriptor<typeof basics.id> = {
  basics,
  api: {
    // 1200 weight/min per IP, most info requests weigh 20 (≈ 60/min).
    limits: { 'api.hyperliquid.xyz': { capacity: 5, perSecond: 0.8 } },
    // Info errors come back as {status: 'err', response: '…'}.
    errorEnvelope: [{ shape: 'status-err' }],
  },
  symbols,
  capabilities: {
    openInterestHistory: { absent: 'current open interest only' },
    liquidationStream: { absent: "none public: only in each user's fills" },
    liquidationHistory: { absent: 'none public' },
  },
  vendorNames: { coinalyze: 'H' },
};
